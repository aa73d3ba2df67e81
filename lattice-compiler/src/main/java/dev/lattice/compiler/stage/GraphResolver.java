package dev.lattice.compiler.stage;

import dev.lattice.compiler.plan.Declaration;
import dev.lattice.compiler.plan.Declaration.Role;
import dev.lattice.compiler.plan.EdgePlan;
import dev.lattice.compiler.plan.ExternalEdgePlan;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.model.LatticeExternalService;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves the declarations into the agreement graph (DESIGN.md §2): an edge exists iff the caller
 * declares the callee outbound and the callee declares the caller inbound. Outbound declarations
 * and inbound ones are indexed by hash, so the join is linear in the number of declarations. Reports
 * one-sided declarations ({@code LAT2003}), targets that name nothing ({@code LAT2002}) and
 * external services that do not list the caller ({@code LAT2005}).
 */
final class GraphResolver {
  private static final String WILDCARD = "*";

  private final ObjectIndex index;
  private final Map<ObjectRef, ExternalPlan> externals;
  private final Diagnostics diagnostics;

  GraphResolver(ObjectIndex index, Map<ObjectRef, ExternalPlan> externals, Diagnostics diagnostics) {
    this.index = index;
    this.externals = externals;
    this.diagnostics = diagnostics;
  }

  record Graph(SortedSet<EdgePlan> edges, SortedSet<ExternalEdgePlan> externalEdges) {}

  Graph resolve(List<Declaration> declarations) {
    Map<ObjectRef, Map<ObjectRef, Declaration>> accepts = new HashMap<>();
    Map<ObjectRef, Set<ObjectRef>> calls = new HashMap<>();
    for (Declaration d : declarations) {
      if (d.role() == Role.ACCEPTS) {
        accepts.computeIfAbsent(d.declarer(), k -> new HashMap<>()).putIfAbsent(d.peer(), d);
      } else {
        calls.computeIfAbsent(d.declarer(), k -> new java.util.HashSet<>()).add(d.peer());
      }
    }
    // every declaration resolves on its own against the two indexes above: at once, then joined in
    // declaration order, so edges, external edges and warnings are those of one pass
    List<Resolved> resolved = declarations.parallelStream().map(d -> d.role() == Role.CALLS
        ? resolveCall(d, accepts) : resolveAccept(d, calls)).toList();
    SortedSet<EdgePlan> edges = new TreeSet<>();
    SortedSet<ExternalEdgePlan> externalEdges = new TreeSet<>();
    for (Resolved r : resolved) {
      if (r.edge() != null) {
        edges.add(r.edge());
      }
      if (r.externalEdge() != null) {
        externalEdges.add(r.externalEdge());
      }
      if (r.warning() != null) {
        diagnostics.add(r.warning());
      }
    }
    return new Graph(edges, externalEdges);
  }

  /** What one declaration resolves to: an edge, an external edge, a warning, or nothing. */
  private record Resolved(EdgePlan edge, ExternalEdgePlan externalEdge, Diagnostic warning) {
    static final Resolved NOTHING = new Resolved(null, null, null);
  }

  private Resolved resolveAccept(Declaration d, Map<ObjectRef, Set<ObjectRef>> calls) {
    if (d.isWildcard() || !index.isMember(d.peer()) || !index.isMember(d.declarer())
        || calls.getOrDefault(d.peer(), Set.of()).contains(d.declarer())) {
      return Resolved.NOTHING;
    }
    return new Resolved(null, null, Diagnostic.warning(Codes.ONE_SIDED,
        d.declarer() + " allows " + d.peer() + " inbound, but " + d.peer() + " does not declare "
            + d.declarer() + " outbound; no traffic flows until it does",
        "add to " + d.peer() + ": resources." + d.declarer().name() + " {type: service, direction: outbound"
            + (d.declarer().namespace().equals(d.peer().namespace()) ? "" : ", namespace: " + d.declarer().namespace()) + "}",
        d.position(), d.path()));
  }

  private Resolved resolveCall(Declaration d, Map<ObjectRef, Map<ObjectRef, Declaration>> accepts) {
    ExternalPlan external = externals.get(d.peer());
    if (external != null) {
      return resolveExternal(d, external);
    }
    if (!index.isMember(d.peer())) {
      return Resolved.NOTHING; // reported by DeclarationCollector
    }
    Map<ObjectRef, Declaration> acceptedBy = accepts.getOrDefault(d.peer(), Map.of());
    Declaration accept = acceptedBy.get(d.declarer());
    if (accept == null) {
      accept = acceptedBy.get(ObjectRef.of(WILDCARD, WILDCARD));
    }
    if (accept != null) {
      return new Resolved(new EdgePlan(d.declarer(), d.peer(), d, accept), null, null);
    }
    return new Resolved(null, null, Diagnostic.warning(Codes.ONE_SIDED,
        d.declarer() + " declares " + d.peer() + " outbound, but " + d.peer() + " does not allow "
            + d.declarer() + " inbound; no traffic flows until it does",
        "add to " + d.peer() + ": resources." + d.declarer().name() + " {type: service, direction: inbound"
            + (d.declarer().namespace().equals(d.peer().namespace()) ? "" : ", namespace: " + d.declarer().namespace()) + "}",
        d.position(), d.path()));
  }

  private Resolved resolveExternal(Declaration d, ExternalPlan external) {
    if (external.inlineOwner().isPresent()) {
      return new Resolved(null, new ExternalEdgePlan(d.declarer(), external.ref(), d), null);
    }
    LatticeExternalService e = (LatticeExternalService) index.externals.get(external.ref()).object();
    boolean allowed = e.spec().allowedRequesters().stream()
        .anyMatch(r -> r.equals(WILDCARD) || ObjectRef.parse(r, external.ref().namespace()).equals(d.declarer()));
    if (allowed) {
      return new Resolved(null, new ExternalEdgePlan(d.declarer(), external.ref(), d), null);
    }
    String name = d.declarer().namespace().equals(external.ref().namespace()) ? d.declarer().name() : d.declarer().toString();
    return new Resolved(null, null, Diagnostic.warning(Codes.EXTERNAL_NOT_ALLOWED,
        d.declarer() + " declares external service " + external.ref() + " outbound, but its allowedRequesters do not list "
            + name + "; no traffic flows until they do",
        "add " + name + " to spec.allowedRequesters of LatticeExternalService " + external.ref(),
        d.position(), d.path()));
  }
}
