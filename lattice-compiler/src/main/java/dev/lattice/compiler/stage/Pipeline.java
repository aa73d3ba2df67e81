package dev.lattice.compiler.stage;

import dev.lattice.compiler.spi.CompilerOptions;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.CloudProvider;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pure stages from sources to plan: lower jobs and models (each task or role becomes a service-shaped workload)
 * → index (duplicates) → collect declarations → resolve the agreement graph → plan workloads
 * (placeholders) → authorize. Each stage adds its diagnostics;
 * none reads the clock, the environment, files or the network.
 */
public final class Pipeline {
  private final CompilerOptions options;
  private final Authorizer authorizer;

  public Pipeline(CompilerOptions options, Authorizer authorizer) {
    this.options = options;
    this.authorizer = authorizer;
  }

  /**
   * Runs the stages over the objects read from the sources ({@code Sources.objects()}); the plan is
   * meaningful only if {@code diagnostics} has no errors afterwards.
   */
  public FleetPlan plan(java.util.List<dev.lattice.model.SourcedObject> read, Diagnostics diagnostics) {
    java.util.List<dev.lattice.model.SourcedObject> objects = ModelLowering.lower(JobLowering.lower(read));
    ObjectIndex index = ObjectIndex.build(objects, diagnostics);
    ClusterChecks.check(index, diagnostics);
    Map<ObjectRef, MemberPlan> members = MemberPlanner.plan(index, diagnostics);
    DeclarationCollector collector = new DeclarationCollector(index, diagnostics);
    collector.collect(objects);
    Map<ObjectRef, ExternalPlan> externals = collector.externals;
    GraphResolver.Graph graph = new GraphResolver(index, externals, diagnostics).resolve(collector.declarations);
    warnMeshMismatches(graph, members, diagnostics);
    Map<ObjectRef, WorkloadPlan> workloads = WorkloadPlanner.plan(index, members, externals, options, diagnostics);
    QuotaCheck.check(index, workloads, diagnostics);
    TreeSet<String> namespaces = new TreeSet<>();
    index.services.keySet().forEach(r -> namespaces.add(r.namespace())); // a job's tasks and a model's roles among them
    FleetPlan plan = new FleetPlan(new TreeMap<>(members), new TreeMap<>(workloads), graph.edges(),
        new TreeMap<>(externals), graph.externalEdges(), collector.declarations, namespaces, index.clusters,
        new TreeMap<String, CloudProvider>(index.providers), JobLowering.plans(index.jobs, workloads),
        ModelLowering.plans(index.models, workloads));
    FleetPlan authorized = authorizer.authorize(plan, objects, diagnostics);
    warnMeshMemberDnsCapture(authorized, diagnostics);
    return authorized;
  }

  /**
   * Lattice turns ambient DNS capture off on the pods it compiles that reach external names, so that
   * Cilium's DNS proxy sees their lookups and {@code toFQDNs} learns the addresses (istio.io "DNS
   * Proxying": ztunnel otherwise answers in the pod). A mesh member's pods are not compiled here, so
   * they keep the capture unless their owner opts them out: say so.
   */
  private static void warnMeshMemberDnsCapture(FleetPlan plan, Diagnostics diagnostics) {
    for (MemberPlan m : plan.members().values()) {
      if (m.origin() != MemberPlan.Origin.MESH_MEMBER || !m.ambient() || !plan.callsExternalNames(m.ref())) {
        continue;
      }
      var edge = plan.externalEdgesOf(m.ref()).get(0);
      diagnostics.add(dev.lattice.model.diagnostics.Diagnostic.warning(dev.lattice.model.diagnostics.Codes.DNS_CAPTURE,
          m.ref() + " reaches external names, which Cilium allows by toFQDNs from the pods' own DNS lookups; its pods are"
              + " not compiled by Lattice and keep ambient DNS capture, so ztunnel answers their lookups and the"
              + " names stay unreachable",
          "annotate the pods of " + m.ref() + " with ambient.istio.io/dns-capture: \"false\"",
          edge.declaration().position(), edge.declaration().path()));
    }
  }

  /**
   * The addresses each of {@code objects} names as a peer (service and external-service resources,
   * mesh-member dependencies and callers, external services' requesters), whether they exist or
   * not; wildcards are left out. Objects that name nothing are absent.
   */
  public static Map<ObjectRef, java.util.Set<ObjectRef>> referencesOf(java.util.List<dev.lattice.model.SourcedObject> objects) {
    Diagnostics scratch = new Diagnostics();
    java.util.List<dev.lattice.model.SourcedObject> lowered = ModelLowering.lower(JobLowering.lower(objects));
    DeclarationCollector collector = new DeclarationCollector(ObjectIndex.build(lowered, scratch), scratch);
    collector.collect(lowered);
    return collector.named;
  }

  /**
   * An agreed edge from a member outside the ambient mesh into it cannot carry traffic: the callee's
   * ztunnel demands mTLS and the AuthorizationPolicy can only name mesh identities — except on the
   * callee's ports that take plaintext (its ways in from outside the mesh, its metrics port).
   */
  private static void warnMeshMismatches(GraphResolver.Graph graph, Map<ObjectRef, MemberPlan> sorted, Diagnostics diagnostics) {
    Map<ObjectRef, MemberPlan> members = new java.util.HashMap<>(sorted); // two lookups per edge: hashed, not a tree walk
    for (var edge : graph.edges()) {
      MemberPlan caller = members.get(edge.caller());
      MemberPlan callee = members.get(edge.callee());
      if (caller.ambient() || !callee.ambient()) {
        continue; // only a caller outside the mesh meets STRICT mTLS (the port lists are computed only then)
      }
      List<Integer> plaintext = callee.plaintextTcpPorts();
      List<Integer> refused = callee.tcpTargetPorts().stream().filter(p -> !plaintext.contains(p)).toList();
      if (!caller.ambient() && callee.ambient() && !refused.isEmpty()) {
        diagnostics.add(dev.lattice.model.diagnostics.Diagnostic.warning(dev.lattice.model.diagnostics.Codes.MESH_MISMATCH,
            edge.caller() + " is outside the ambient mesh, so its calls to " + edge.callee()
                + (plaintext.isEmpty() ? "" : " on ports " + refused)
                + " are allowed at L4 but rejected at L7 (STRICT mTLS, no mesh identity)"
                + (plaintext.isEmpty() ? "" : "; ports " + plaintext + " take plaintext"),
            "enrol " + edge.caller() + " in the mesh (ambient: true)", edge.callerDeclaration().position(),
            edge.callerDeclaration().path()));
      }
    }
  }
}
