package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.testkit.fleet.Fleet.Edge;
import dev.lattice.testkit.fleet.Fleet.GeneratedWorkload;
import dev.lattice.testkit.sim.External;
import dev.lattice.testkit.sim.PolicySimulator;
import dev.lattice.testkit.sim.SimulatorOptions;
import dev.lattice.testkit.sim.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Over generated fleets where some services are LoadBalancer or NodePort and some mesh-member ports
 * Permissive or Webhook: exactly the declared ways in open, on exactly the declared ports — from
 * {@code world} for a load balancer, node port or permissive port, from {@code kube-apiserver} for a
 * webhook, from {@code remote-node} for both (Cilium's identity after a node forwards the traffic) —
 * at L4, and at L7 a plaintext caller is accepted exactly on the opened ports; between workloads,
 * L4 still allows exactly the agreed edges and L7 the agreed edges from the mesh, plus plaintext
 * callers (outside the mesh) on the opened ports.
 */
class OutsidePathsPropertyTest {
  private static final int FLEETS = 10;
  private static final External WORLD = External.ip("203.0.113.7", 0);
  private static final External REMOTE_NODE = External.ip("10.0.0.2", 0);
  private static final External API_SERVER = External.host("kubernetes.default", 0);
  private static final int UNDECLARED_PORT = 7777;

  @Test
  void exactlyTheDeclaredWaysInOpen() {
    long[] checked = {0};
    long[] opened = {0};
    SimulatorOptions options = SimulatorOptions.defaults().withRemoteNodeAddresses(Set.of(REMOTE_NODE.address()));
    CompiledFleet.forEach(FLEETS, FleetShape.small().withExposedRatio(0.3), compiled -> {
      Fleet fleet = compiled.fleet();
      String context = compiled.context();
      PolicySimulator sim = PolicySimulator.of(compiled.documents(), options);
      for (GeneratedWorkload b : fleet.workloads()) {
        List<Integer> ports = new ArrayList<>(b.targetPorts());
        ports.add(UNDECLARED_PORT);
        for (int port : ports) {
          String way = b.openings().get(port);
          String what = context + ": " + b.address() + ":" + port + " (opened from " + way + ")";
          Verdict world = sim.l4FromExternal(WORLD, SimulatedPolicyPropertyTest.workload(b), port);
          assertThat(world.allowed()).as(what + " from world at L4: " + world.reason()).isEqualTo("world".equals(way));
          Verdict apiServer = sim.l4FromExternal(API_SERVER, SimulatedPolicyPropertyTest.workload(b), port);
          assertThat(apiServer.allowed()).as(what + " from the API server at L4: " + apiServer.reason())
              .isEqualTo("kube-apiserver".equals(way));
          Verdict node = sim.l4FromExternal(REMOTE_NODE, SimulatedPolicyPropertyTest.workload(b), port);
          assertThat(node.allowed()).as(what + " from a remote node at L4: " + node.reason()).isEqualTo(way != null);
          Verdict l7 = sim.l7FromExternal(WORLD, SimulatedPolicyPropertyTest.workload(b), port);
          assertThat(l7.applies()).as(what + " L7 applies").isEqualTo(b.ambient());
          if (b.ambient()) {
            assertThat(l7.allowed()).as(what + " plaintext at L7: " + l7.reason()).isEqualTo(way != null);
          }
          checked[0]++;
          opened[0] += way != null ? 1 : 0;
        }
        for (GeneratedWorkload a : fleet.workloads()) {
          if (a == b) {
            continue;
          }
          boolean agreed = fleet.agreedEdges().contains(new Edge(a.address(), b.address()));
          for (int port : b.targetPorts()) {
            String what = context + ": " + a.address() + " -> " + b.address() + ":" + port;
            Verdict l4 = sim.l4(SimulatedPolicyPropertyTest.workload(a), SimulatedPolicyPropertyTest.workload(b), port);
            assertThat(l4.allowed()).as(what + " at L4: " + l4.reason()).isEqualTo(agreed);
            if (b.ambient()) {
              Verdict l7 = sim.l7(SimulatedPolicyPropertyTest.workload(a), SimulatedPolicyPropertyTest.workload(b), port);
              boolean plaintextOpened = !a.ambient() && b.openings().containsKey(port);
              assertThat(l7.allowed()).as(what + " at L7: " + l7.reason()).isEqualTo(agreed && a.ambient() || plaintextOpened);
            }
          }
        }
      }
    });
    assertThat(opened[0]).as("the fleets open some ports from outside").isPositive();
    System.out.println("outside paths property: " + FLEETS + " fleets, " + checked[0] + " ports checked from world, the API "
        + "server and a remote node (" + opened[0] + " opened), base seed " + Seeds.base());
  }
}
