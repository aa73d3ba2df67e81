package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.service.TopologySpec;
import java.util.Map;
import java.util.Optional;

/**
 * Network-topology placement of a service's pods: a Volcano {@code PodGroup} named after the
 * service ({@code minMember} its replicas, {@code networkTopology} from {@code topology}) that the
 * pods join through the {@code scheduling.k8s.io/group-name} annotation, scheduled by Volcano
 * (https://volcano.sh/en/docs/podgroup/, https://volcano.sh/en/docs/network_topology_aware_scheduling/;
 * a job's tasks get the same {@code networkTopology} on the Volcano Job itself).
 */
final class PodGroups {
  /** The pod annotation that puts a pod in a PodGroup. */
  static final String GROUP_ANNOTATION = "scheduling.k8s.io/group-name";

  private PodGroups() {}

  static Optional<Document> of(WorkloadPlan w) {
    return w.service().spec().topology().map(t -> Json.document("scheduling.volcano.sh/v1beta1", "PodGroup",
        Optional.of(w.ref().namespace()), w.ref().name(), Map.of(Json.NAME_LABEL, w.ref().name()), body -> {
          ObjectNode s = body.putObject("spec");
          s.put("minMember", w.service().spec().replicas());
          s.set("networkTopology", networkTopology(t));
        }));
  }

  static ObjectNode networkTopology(TopologySpec t) {
    ObjectNode n = Json.object();
    t.maxTier().ifPresent(v -> n.put("highestTierAllowed", v));
    t.tierName().ifPresent(v -> n.put("highestTierName", v));
    n.put("mode", t.mode().orElse(TopologySpec.Mode.HARD).wire());
    return n;
  }
}
