package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.testkit.fleet.Fleet.Edge;
import dev.lattice.testkit.fleet.Fleet.GeneratedWorkload;
import dev.lattice.testkit.sim.FlaggerRollout;
import dev.lattice.testkit.sim.PolicySimulator;
import dev.lattice.testkit.sim.SimulatorOptions;
import dev.lattice.testkit.sim.Verdict;
import dev.lattice.testkit.sim.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flagger's rollout does not strand a canary: over generated fleets with canaries, the pods of the
 * {@code <name>-primary} Deployment Flagger makes of the emitted Deployment ({@link FlaggerRollout})
 * are reached by exactly the agreed callers at L4 and L7, reach exactly their agreed callees, and are
 * selected by the service's PDB, Tetragon policy and pod scrape; no Service competes with Flagger's.
 */
class CanaryPrimaryPropertyTest {
  private static final int FLEETS = 10;

  @Test
  void everyAgreedEdgeStaysAllowedForThePrimary() {
    int[] canaries = {0};
    long[] checked = {0};
    CompiledFleet.forEach(FLEETS, FleetShape.small(), compiled -> {
      Fleet fleet = compiled.fleet();
      String context = compiled.context();
      List<JsonNode> docs = compiled.documents();
      PolicySimulator sim = PolicySimulator.of(docs, SimulatorOptions.defaults());
      Map<String, JsonNode> byId = new HashMap<>();
      docs.forEach(d -> byId.put(d.path("kind").asText() + "/" + d.path("metadata").path("namespace").asText()
          + "/" + d.path("metadata").path("name").asText(), d));
      Map<String, Workload> serving = new HashMap<>(); // address -> the pods that serve it after rollout
      for (GeneratedWorkload w : fleet.workloads()) {
        JsonNode deployment = byId.get("Deployment/" + w.address());
        if (deployment == null) {
          serving.put(w.address(), SimulatedPolicyPropertyTest.workload(w));
        } else if (byId.containsKey("Canary/" + w.address())) {
          canaries[0]++;
          assertThat(byId).as(context + ": Flagger owns the Service of " + w.address())
              .doesNotContainKey("Service/" + w.address());
          Workload primary = FlaggerRollout.primary(deployment, w.ambient(), w.targetPorts()).orElseThrow(
              () -> new AssertionError(context + ": Flagger finds no selector label on " + w.address()));
          assertThat(primary.labels()).as(context).containsEntry(FlaggerRollout.selectorLabel(deployment).orElseThrow(),
              w.name() + "-primary");
          for (String kind : List.of("PodDisruptionBudget", "VMPodScrape")) {
            JsonNode doc = byId.get(kind + "/" + w.address());
            if (doc != null) {
              assertThat(FlaggerRollout.selects(doc.path("spec").path("selector"), primary))
                  .as(context + ": " + kind + " of " + w.address() + " selects the primary").isTrue();
            }
          }
          JsonNode tetragon = byId.get("TracingPolicyNamespaced/" + w.address() + "-binaries");
          if (tetragon != null) {
            assertThat(FlaggerRollout.selects(tetragon.path("spec").path("podSelector"), primary))
                .as(context + ": Tetragon policy of " + w.address() + " selects the primary").isTrue();
          }
          serving.put(w.address(), primary);
        } else {
          serving.put(w.address(), FlaggerRollout.pods(deployment, w.ambient(), w.targetPorts()));
        }
      }
      for (GeneratedWorkload a : fleet.workloads()) {
        for (GeneratedWorkload b : fleet.workloads()) {
          if (a == b || !(byId.containsKey("Canary/" + a.address()) || byId.containsKey("Canary/" + b.address()))) {
            continue;
          }
          boolean agreed = fleet.agreedEdges().contains(new Edge(a.address(), b.address()));
          Workload from = serving.get(a.address());
          Workload to = serving.get(b.address());
          for (int port : b.targetPorts()) {
            String what = context + ": " + from + " -> " + to + ":" + port;
            Verdict l4 = sim.l4(from, to, port);
            assertThat(l4.allowed()).as(what + " at L4: " + l4.reason()).isEqualTo(agreed);
            if (b.ambient()) {
              Verdict l7 = sim.l7(from, to, port);
              assertThat(l7.allowed()).as(what + " at L7: " + l7.reason()).isEqualTo(agreed && a.ambient());
            }
            checked[0]++;
          }
        }
      }
    });
    assertThat(canaries[0]).as("generated fleets hold canaries").isPositive();
    System.out.println("canary primary property: " + FLEETS + " fleets, " + canaries[0] + " canaries, " + checked[0]
        + " triples through a primary, base seed " + Seeds.base());
  }
}
