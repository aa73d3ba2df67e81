package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lattice.compiler.plan.GatewayPlan;
import dev.lattice.testkit.fleet.Fleet.Edge;
import dev.lattice.testkit.fleet.Fleet.GeneratedWorkload;
import dev.lattice.testkit.sim.External;
import dev.lattice.testkit.sim.PolicySimulator;
import dev.lattice.testkit.sim.SimulatorOptions;
import dev.lattice.testkit.sim.Verdict;
import dev.lattice.testkit.sim.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Over generated fleets where some services declare ingress routes (HTTP, gRPC, TCP, TLS; some
 * terminating TLS) and some are exposed by a Service type: from {@code world} and a remote node
 * exactly the namespace gateway's listener ports open, at L4 and at the gateway's own authorization;
 * from the gateway's pods (Istio's {@code <ns>-ingress-istio} identity, HBONE to ambient pods)
 * exactly the routed services open at L4 and exactly their routed ports at L7; no workload reaches
 * the gateway's pods; and between workloads L4 and L7 allow exactly what they allowed before. A
 * mutant without the gateway's principal in {@code allow-to-<service>} fails the same check.
 */
class IngressPathsPropertyTest {
  private static final int FLEETS = 8;
  private static final External WORLD = External.ip("203.0.113.9", 0);
  private static final External REMOTE_NODE = External.ip("10.0.0.3", 0);
  private static final int UNDECLARED_PORT = 7777;
  private static final SimulatorOptions OPTIONS = SimulatorOptions.defaults().withRemoteNodeAddresses(Set.of(REMOTE_NODE.address()));
  private static final FleetShape SHAPE = FleetShape.small().withExposedRatio(0.15).withIngressRatio(0.4);

  @Test
  void exactlyTheGatewayAndItsRoutesOpen() {
    long[] routed = {0};
    long[] checked = {0};
    CompiledFleet.forEach(FLEETS, SHAPE, compiled -> {
      List<String> violations = violations(compiled, compiled.documents(), checked);
      assertThat(violations).as(compiled.context()).isEmpty();
      routed[0] += compiled.fleet().workloads().stream().filter(w -> !w.routedPorts().isEmpty()).count();
      assertThat(compiled.compilation().plan().orElseThrow().gateways().keySet())
          .as(compiled.context() + ": one gateway per namespace with routes").isEqualTo(compiled.fleet().gatewayPorts().keySet());
    });
    assertThat(routed[0]).as("the fleets route some services").isPositive();
    System.out.println("ingress paths property: " + FLEETS + " fleets, " + routed[0] + " routed services, " + checked[0]
        + " verdicts, base seed " + Seeds.base());
  }

  @Test
  void withoutTheGatewayPrincipalTheRoutedPortsClose() {
    int[] caught = {0};
    CompiledFleet.forEach(2, SHAPE, compiled -> {
      List<JsonNode> mutant = compiled.documents().stream().map(d -> withoutGatewayPrincipal(d.deepCopy())).toList();
      if (!compiled.fleet().gatewayPorts().isEmpty()) {
        assertThat(violations(compiled, mutant, new long[1])).as(compiled.context() + ": the mutant is caught").isNotEmpty();
        caught[0]++;
      }
    });
    assertThat(caught[0]).as("fleets with a gateway").isPositive();
  }

  /** Every way the documents differ from the fleet's truth, as readable lines. */
  private static List<String> violations(CompiledFleet compiled, List<JsonNode> documents, long[] checked) {
    Fleet fleet = compiled.fleet();
    PolicySimulator sim = PolicySimulator.of(documents, OPTIONS);
    List<String> out = new ArrayList<>();
    for (String ns : new TreeSet<>(fleet.gatewayPorts().keySet())) {
      Set<Integer> listeners = fleet.gatewayPorts().get(ns);
      Workload gateway = Workload.istioGateway(ns, GatewayPlan.nameFor(ns),
          listeners.stream().mapToInt(Integer::intValue).toArray());
      TreeSet<Integer> probe = new TreeSet<>(listeners);
      probe.addAll(List.of(80, 443, UNDECLARED_PORT));
      fleet.workloads().forEach(w -> probe.addAll(w.targetPorts()));
      for (int port : probe) {
        boolean open = listeners.contains(port);
        expect(out, sim.l4FromExternal(WORLD, gateway, port), open, "world -> " + gateway + ":" + port + " at L4");
        expect(out, sim.l4FromExternal(REMOTE_NODE, gateway, port), open, "remote node -> " + gateway + ":" + port + " at L4");
        expect(out, sim.l7FromExternal(WORLD, gateway, port), open, "world -> " + gateway + ":" + port + " at the gateway");
        checked[0] += 3;
      }
      for (GeneratedWorkload b : fleet.workloads()) {
        Workload to = SimulatedPolicyPropertyTest.workload(b);
        boolean routedHere = b.namespace().equals(ns) && !b.routedPorts().isEmpty();
        List<Integer> ports = new ArrayList<>(b.targetPorts());
        ports.add(UNDECLARED_PORT);
        for (int port : ports) {
          String what = gateway + " -> " + b.address() + ":" + port;
          expect(out, sim.l4(gateway, to, port), routedHere && b.ambient() || !b.ambient() && routedHere
              && b.routedPorts().contains(port), what + " at L4");
          Verdict l7 = sim.l7(gateway, to, port);
          if (l7.applies()) {
            expect(out, l7, routedHere && b.routedPorts().contains(port), what + " at L7");
          }
          checked[0] += 2;
        }
        for (int port : listeners) {
          expect(out, sim.l4(to, gateway, port), false, b.address() + " -> " + gateway + ":" + port + " at L4");
        }
      }
    }
    for (GeneratedWorkload b : fleet.workloads()) {
      for (GeneratedWorkload a : fleet.workloads()) {
        if (a == b) {
          continue;
        }
        boolean agreed = fleet.agreedEdges().contains(new Edge(a.address(), b.address()));
        for (int port : b.targetPorts()) {
          String what = a.address() + " -> " + b.address() + ":" + port;
          Workload from = SimulatedPolicyPropertyTest.workload(a);
          Workload to = SimulatedPolicyPropertyTest.workload(b);
          expect(out, sim.l4(from, to, port), agreed, what + " at L4");
          if (b.ambient()) {
            boolean plaintextOpened = !a.ambient() && b.openings().containsKey(port);
            expect(out, sim.l7(from, to, port), agreed && a.ambient() || plaintextOpened, what + " at L7");
          }
          checked[0] += 2;
        }
      }
    }
    return out;
  }

  private static void expect(List<String> out, Verdict v, boolean allowed, String what) {
    if (v.allowed() != allowed) {
      out.add(what + ": expected " + (allowed ? "allowed" : "denied") + ", got " + v.reason());
    }
  }

  /** The document with every rule naming an ingress gateway's principal dropped from its AuthorizationPolicy. */
  private static JsonNode withoutGatewayPrincipal(JsonNode doc) {
    if (doc.path("kind").asText().equals("AuthorizationPolicy") && doc.path("spec").path("rules").isArray()) {
      ArrayNode rules = (ArrayNode) doc.path("spec").path("rules");
      for (int i = rules.size() - 1; i >= 0; i--) {
        if (rules.get(i).toString().contains("-ingress-istio")) {
          rules.remove(i);
        }
      }
    }
    return doc;
  }
}
