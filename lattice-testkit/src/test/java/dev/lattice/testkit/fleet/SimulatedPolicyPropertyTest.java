package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.testkit.fleet.Fleet.Edge;
import dev.lattice.testkit.fleet.Fleet.GeneratedExternal;
import dev.lattice.testkit.fleet.Fleet.GeneratedWorkload;
import dev.lattice.testkit.sim.External;
import dev.lattice.testkit.sim.PolicySimulator;
import dev.lattice.testkit.sim.SimulatorOptions;
import dev.lattice.testkit.sim.Verdict;
import dev.lattice.testkit.sim.Workload;
import org.junit.jupiter.api.Test;

/**
 * The defining property: over generated fleets, the policy simulator run on the emitted Cilium and
 * Istio documents allows exactly the agreed (caller, callee, port) triples at L4, exactly the agreed
 * ones whose caller has a mesh identity at L7 (where the callee is in the mesh), and exactly the
 * agreed external egress.
 */
class SimulatedPolicyPropertyTest {
  private static final int FLEETS = 12;

  @Test
  void simulatorAllowsExactlyTheAgreedTriples() {
    long[] triples = {0};
    long[] allowed = {0};
    CompiledFleet.forEach(FLEETS, FleetShape.small(), compiled -> {
      Fleet fleet = compiled.fleet();
      String context = compiled.context();
      PolicySimulator sim = PolicySimulator.of(compiled.documents(), SimulatorOptions.defaults());
      for (GeneratedWorkload a : fleet.workloads()) {
        for (GeneratedWorkload b : fleet.workloads()) {
          if (a == b) {
            continue;
          }
          boolean agreed = fleet.agreedEdges().contains(new Edge(a.address(), b.address()));
          for (int port : b.targetPorts()) {
            Verdict l4 = sim.l4(workload(a), workload(b), port);
            String what = context + ": " + a.address() + " -> " + b.address() + ":" + port;
            assertThat(l4.allowed()).as(what + " at L4: " + l4.reason()).isEqualTo(agreed);
            Verdict l7 = sim.l7(workload(a), workload(b), port);
            assertThat(l7.applies()).as(what + " L7 applies").isEqualTo(b.ambient());
            if (b.ambient()) {
              assertThat(l7.allowed()).as(what + " at L7: " + l7.reason()).isEqualTo(agreed && a.ambient());
            }
            triples[0]++;
            allowed[0] += agreed ? 1 : 0;
          }
        }
        for (GeneratedExternal e : fleet.externals()) {
          boolean agreed = fleet.externalEdges().contains(new Edge(a.address(), e.address()));
          Verdict v = sim.l4External(workload(a), External.host(e.host(), e.port()));
          assertThat(v.allowed()).as(context + ": " + a.address() + " -> " + e.host() + " " + v.reason()).isEqualTo(agreed);
          triples[0]++;
        }
      }
    });
    System.out.println("simulated policy property: " + FLEETS + " fleets, " + triples[0] + " triples checked at L4 and L7 ("
        + allowed[0] + " agreed), base seed " + Seeds.base());
  }

  static Workload workload(GeneratedWorkload w) {
    return new Workload(w.namespace(), w.name(), w.labels(), w.serviceAccount(), w.ambient(), w.targetPorts());
  }
}
