package dev.lattice.emit.cilium;

import dev.lattice.document.Document;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.compiler.spi.EmittedKind;
import dev.lattice.compiler.spi.Emitter;
import java.util.ArrayList;
import java.util.List;

/**
 * The L4 layer (DESIGN.md §3): one {@code CiliumNetworkPolicy} per mesh member, allowing exactly its
 * agreed edges (both ends), and, when there is any member, one {@code CiliumClusterwideNetworkPolicy}
 * that denies everything else outside the system namespaces; per job the peer policy between its
 * tasks ({@link JobPeerPolicy}); per ingress gateway its pods' policy ({@link GatewayPolicy}); per model the Kthena and peer
 * policies ({@link ModelPolicy}); and per service, task or role the Tetragon binary
 * allow-list ({@link TetragonPolicy}), which warns ({@code LAT2010}) when it cannot be derived.
 */
public final class CiliumEmitter implements Emitter {

  private static final List<EmittedKind> KINDS = List.of(
      EmittedKind.namespaced("cilium.io/v2", "CiliumNetworkPolicy", "ciliumnetworkpolicies"),
      EmittedKind.clusterScoped("cilium.io/v2", "CiliumClusterwideNetworkPolicy", "ciliumclusterwidenetworkpolicies"),
      EmittedKind.namespaced("cilium.io/v1alpha1", "TracingPolicyNamespaced", "tracingpoliciesnamespaced"));

  @Override
  public List<EmittedKind> kinds() {
    return KINDS;
  }

  @Override
  public String name() {
    return "cilium";
  }

  @Override
  public List<Document> emit(FleetPlan plan, EmitContext context) {
    List<Document> documents = new ArrayList<>();
    if (plan.members().isEmpty()) {
      return documents;
    }
    documents.add(ClusterPolicy.document(!plan.models().isEmpty()));
    MemberPolicy policies = new MemberPolicy(plan);
    // one policy per member, each from the immutable plan alone: at once, in member order
    documents.addAll(new ArrayList<>(plan.members().values()).parallelStream().map(policies::of).toList());
    plan.jobs().values().forEach(job -> JobPeerPolicy.of(plan, job).ifPresent(documents::add));
    plan.gateways().values().forEach(g -> documents.add(GatewayPolicy.of(plan, g)));
    plan.models().values().forEach(model -> documents.addAll(ModelPolicy.of(plan, model)));
    context.atOnce(plan.workloads().values(), (w, own) -> TetragonPolicy.of(w, own, downloads(plan, w)))
        .forEach(policy -> policy.ifPresent(documents::add));
    documents.sort(Document.ORDER);
    return documents;
  }

  /** The binaries a workload runs beyond its containers': Kthena's downloader in the init container of a model's role. */
  private static java.util.Set<String> downloads(FleetPlan plan, dev.lattice.compiler.plan.WorkloadPlan w) {
    return plan.modelOf(w.ref()).filter(m -> m.model().spec().modelSource().isPresent())
        .map(m -> java.util.Set.of(dev.lattice.compiler.platform.Kthena.DOWNLOADER_BINARY)).orElse(java.util.Set.of());
  }
}
