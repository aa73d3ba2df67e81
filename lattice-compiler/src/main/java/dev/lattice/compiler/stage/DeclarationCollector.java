package dev.lattice.compiler.stage;

import dev.lattice.compiler.plan.Declaration;
import dev.lattice.compiler.plan.Declaration.Role;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.model.LatticeExternalService;
import dev.lattice.model.LatticeMeshMember;
import dev.lattice.model.LatticeService;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.PathSyntax;
import dev.lattice.model.SourceMap;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.mesh.Endpoint;
import dev.lattice.model.mesh.LatticeExternalServiceSpec;
import dev.lattice.model.mesh.LatticeMeshMemberSpec;
import dev.lattice.model.mesh.ServiceRef;
import dev.lattice.model.service.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects every half of every agreement, in input order, and the external destinations (declared
 * {@code LatticeExternalService}s and inline {@code external-service} resources, mesh-member
 * egress). Reports targets that name nothing ({@code LAT2002}) and self-references ({@code
 * LAT2004}).
 */
final class DeclarationCollector {
  static final ObjectRef WILDCARD = ObjectRef.of("*", "*");

  private final ObjectIndex index;
  private final Diagnostics diagnostics;
  final List<Declaration> declarations = new ArrayList<>();
  final Map<ObjectRef, ExternalPlan> externals = new TreeMap<>();
  /** Every address each object names, whether or not it exists: what the incremental compiler's neighbourhoods follow. */
  final Map<ObjectRef, java.util.Set<ObjectRef>> named = new java.util.HashMap<>();

  DeclarationCollector(ObjectIndex index, Diagnostics diagnostics) {
    this.index = index;
    this.diagnostics = diagnostics;
  }

  void collect(List<SourcedObject> objects) {
    index.externals.forEach((ref, s) -> externals.put(ref, external(ref, s)));
    for (SourcedObject s : objects) {
      ObjectRef self = ObjectRef.of(s.object().metadata().namespaceOrDefault(), s.object().metadata().name());
      if (s.object() instanceof LatticeService svc && index.services.get(self) == s) {
        svc.spec().workload().resources().forEach((key, r) -> resource(self, s.sources(), key, r));
      } else if (s.object() instanceof LatticeMeshMember m && index.meshMembers.get(self) == s) {
        meshMember(self, s.sources(), m.spec());
      } else if (s.object() instanceof LatticeExternalService e && index.externals.get(self) == s) {
        List<String> requesters = e.spec().allowedRequesters();
        for (int i = 0; i < requesters.size(); i++) {
          String r = requesters.get(i);
          ObjectRef peer = r.equals("*") ? WILDCARD : ObjectRef.parse(r, self.namespace());
          name(self, peer);
          String path = "spec.allowedRequesters[" + i + "]";
          declarations.add(new Declaration(self, peer, Role.ACCEPTS, s.sources().pathOf(path), s.sources().valueAt(path)));
        }
      }
    }
  }

  private void name(ObjectRef self, ObjectRef peer) {
    if (peer != WILDCARD && !peer.equals(WILDCARD)) {
      named.computeIfAbsent(self, k -> new java.util.HashSet<>()).add(peer);
    }
  }

  private void resource(ObjectRef self, SourceMap sources, String key, ResourceSpec r) {
    String path = PathSyntax.child("spec.workload.resources", key);
    boolean inlineExternal = ResourceSpec.EXTERNAL_SERVICE.equals(r.type()) && r.params().get("endpoints") instanceof Map<?, ?>;
    if (inlineExternal) {
      if (r.direction().calls()) {
        ExternalPlan plan = inline(self, key, r);
        externals.put(plan.ref(), plan);
        declarations.add(new Declaration(self, plan.ref(), Role.CALLS, sources.pathOf(path), sources.keyAt(path)));
      }
      return;
    }
    if (!r.isService() && !ResourceSpec.EXTERNAL_SERVICE.equals(r.type())) {
      return;
    }
    ObjectRef peer = r.target(self.namespace(), key);
    name(self, peer);
    if (!exists(self, peer, path, sources, r.type())) {
      return;
    }
    if (r.direction().calls()) {
      declarations.add(new Declaration(self, peer, Role.CALLS, sources.pathOf(path), sources.keyAt(path)));
    }
    if (r.direction().accepts()) {
      if (externals.containsKey(peer)) {
        diagnostics.add(Diagnostic.warning(Codes.WRONG_TARGET_KIND, peer + " is an external service; it cannot call in",
            "declare it with direction: outbound", sources.keyAt(path), sources.pathOf(path)));
      } else {
        declarations.add(new Declaration(self, peer, Role.ACCEPTS, sources.pathOf(path), sources.keyAt(path)));
      }
    }
  }

  private void meshMember(ObjectRef self, SourceMap sources, LatticeMeshMemberSpec spec) {
    refs(self, sources, "spec.dependencies", spec.dependencies(), Role.CALLS);
    refs(self, sources, "spec.allowedCallers", spec.allowedCallers(), Role.ACCEPTS);
    for (int i = 0; i < spec.egress().size(); i++) {
      LatticeMeshMemberSpec.Egress e = spec.egress().get(i);
      String host = e.fqdn().or(e::cidr).orElse("");
      Map<String, Endpoint> endpoints = new TreeMap<>();
      List<Integer> ports = e.ports().isEmpty() ? List.of(0) : e.ports();
      for (int port : ports) {
        endpoints.put("port-" + port, new Endpoint(Optional.empty(), host, port));
      }
      ObjectRef ref = ObjectRef.of(self.namespace(), self.name() + "-egress-" + i);
      externals.put(ref, new ExternalPlan(ref, endpoints, e.fqdn().isPresent(), Optional.of(self), Optional.empty()));
      String path = "spec.egress[" + i + "]";
      declarations.add(new Declaration(self, ref, Role.CALLS, sources.pathOf(path), sources.valueAt(path)));
    }
  }

  private void refs(ObjectRef self, SourceMap sources, String base, List<ServiceRef> refs, Role role) {
    for (int i = 0; i < refs.size(); i++) {
      String path = base + "[" + i + "]";
      ObjectRef peer = refs.get(i).name().equals("*") ? WILDCARD : refs.get(i).resolve(self.namespace());
      name(self, peer);
      if (peer == WILDCARD || exists(self, peer, path, sources, "service")) {
        declarations.add(new Declaration(self, peer, role, sources.pathOf(path), sources.valueAt(path)));
      }
    }
  }

  private boolean exists(ObjectRef self, ObjectRef peer, String path, SourceMap sources, String type) {
    if (peer.equals(self)) {
      diagnostics.add(Diagnostic.warning(Codes.SELF_REFERENCE, self + " declares itself; the declaration is ignored",
          "remove it: a service always reaches itself", sources.keyAt(path), sources.pathOf(path)));
      return false;
    }
    // a standalone external service exists for everyone; an inline one (ns/<service>-<resource>) is
    // its declaring service's own: naming it from elsewhere named nothing, whatever the object order
    if (index.isMember(peer) || index.externals.containsKey(peer)) {
      return true;
    }
    // a partial input (one team's folder in CI) is the normal case: the one-sided rule already holds
    // (no traffic until the peer exists and agrees), so an absent peer warns; a near-miss name says so
    Optional<String> near = closest(peer);
    diagnostics.add(Diagnostic.warning(Codes.UNKNOWN_TARGET, type + " " + peer + " is not in this input"
            + (near.isPresent() ? "" : " (no document names it)") + "; no traffic is allowed until it is compiled with it and agrees",
        near.map(c -> "did you mean " + c + "?").orElse("compile " + peer + " together with " + self
            + " to check the agreement, or fix the name"), sources.keyAt(path), sources.pathOf(path)));
    return false;
  }

  private Optional<String> closest(ObjectRef peer) {
    List<String> names = new ArrayList<>();
    index.services.keySet().stream().filter(r -> r.namespace().equals(peer.namespace())).forEach(r -> names.add(r.name()));
    index.meshMembers.keySet().stream().filter(r -> r.namespace().equals(peer.namespace())).forEach(r -> names.add(r.name()));
    index.externals.keySet().stream().filter(r -> r.namespace().equals(peer.namespace())).forEach(r -> names.add(r.name()));
    return dev.lattice.model.diagnostics.Suggestions.closest(peer.name(), names).map(n -> peer.namespace() + "/" + n);
  }

  private static ExternalPlan external(ObjectRef ref, SourcedObject s) {
    LatticeExternalServiceSpec spec = ((LatticeExternalService) s.object()).spec();
    Map<String, Endpoint> endpoints = new TreeMap<>();
    spec.endpoints().forEach((name, url) -> Endpoint.parse(url).ifPresent(e -> endpoints.put(name, e)));
    return new ExternalPlan(ref, endpoints, spec.resolution() == LatticeExternalServiceSpec.Resolution.DNS, Optional.empty(),
        Optional.of(s));
  }

  private static ExternalPlan inline(ObjectRef self, String key, ResourceSpec r) {
    Map<String, Endpoint> endpoints = new TreeMap<>();
    ((Map<?, ?>) r.params().get("endpoints")).forEach((name, url) ->
        Endpoint.parse(String.valueOf(url)).ifPresent(e -> endpoints.put(String.valueOf(name), e)));
    boolean dns = endpoints.values().stream().noneMatch(Endpoint::isAddress);
    return new ExternalPlan(ObjectRef.of(self.namespace(), self.name() + "-" + key), endpoints, dns, Optional.of(self),
        Optional.empty());
  }
}
