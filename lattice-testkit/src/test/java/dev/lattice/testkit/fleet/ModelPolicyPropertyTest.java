package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.compiler.platform.Kthena;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.testkit.explain.Explainer;
import dev.lattice.testkit.sim.PolicySimulator;
import dev.lattice.testkit.sim.SimulatorOptions;
import dev.lattice.testkit.sim.Verdict;
import dev.lattice.testkit.sim.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Models under the bilateral rule, over seeded generated fleets of models and services: the policy
 * simulator, run on the emitted Cilium and Istio documents (the pods as Kthena creates them from the
 * ModelServing's templates, with their labels), allows
 *
 * <ul>
 *   <li>the Kthena router to a model's pods exactly on the routing port, and the Kthena autoscaler
 *       exactly on an autoscaled model's metric port — and neither to anything else;
 *   <li>a model's pods to each other exactly on the KV connector's port (prefill/decode) or on every
 *       port (a NIXL connector, or a role with worker pods);
 *   <li>every other connection — service to role, role to service, role to another model's role —
 *       exactly when both sides agreed, on the callee's ports;
 * </ul>
 *
 * at L4 and L7, and {@code explain} gives the same answer.
 */
class ModelPolicyPropertyTest {
  private static final int FLEETS = 8;
  private static final String NS = "serving";
  /** A port no one declares: open between the pods of a model with workers only. */
  private static final int EPHEMERAL = 41234;

  record Pod(String name, String model, boolean entry, List<Integer> ports) {
    Workload workload() {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("app.kubernetes.io/name", name);
      labels.put("lattice.dev/service", name);
      if (model != null) {
        labels.put("lattice.dev/model", model);
        if (entry) {
          labels.put("lattice.dev/model-entry", model);
        }
      }
      return new Workload(NS, name, labels, name, true, ports);
    }
  }

  /** A model: its roles (entry ports), whether the first role has workers, its ports. */
  record Model(String name, boolean disaggregated, boolean workers, boolean autoscaled, boolean nixl, int port, int kvPort, int metricPort) {
    List<String> roles() {
      return disaggregated ? List.of("prefill", "decode") : List.of("serving");
    }

    boolean peersOn(int p) {
      return workers || (disaggregated && (nixl || p == kvPort));
    }
  }

  @Test
  void routerPeersAndCallersReachAModelExactlyAsAgreed() {
    long base = Seeds.base();
    long checked = 0;
    for (int i = 0; i < FLEETS; i++) {
      long seed = Seeds.of(base, i);
      String context = "seed " + seed + " (replay: -Dlattice.seed=" + base + ", fleet " + i + ")";
      Random random = new Random(seed);
      List<Model> models = models(random);
      List<Pod> pods = new ArrayList<>();
      for (Model m : models) {
        List<String> roles = m.roles();
        for (int r = 0; r < roles.size(); r++) {
          List<Integer> ports = new ArrayList<>(List.of(m.port()));
          if (m.autoscaled() && r == roles.size() - 1) {
            ports.add(m.metricPort());
          }
          pods.add(new Pod(m.name() + "-" + roles.get(r), m.name(), true, ports));
          if (m.workers() && r == 0) {
            pods.add(new Pod(m.name() + "-" + roles.get(r) + "-worker", m.name(), false, List.of()));
          }
        }
      }
      int services = 2 + random.nextInt(2);
      for (int s = 0; s < services; s++) {
        pods.add(new Pod("svc" + s, null, false, List.of(8000 + s)));
      }
      AgreementYaml.Agreements drawn = AgreementYaml.draw(random, pods, Pod::name, (a, b) -> !b.ports().isEmpty());
      Map<String, Set<String>> calls = drawn.calls();
      Map<String, Set<String>> accepts = drawn.accepts();
      Set<List<String>> agreed = drawn.agreed();
      Map<String, String> files = render(models, services, calls, accepts);
      Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(files));
      assertThat(c.hasErrors()).as(context + "\n" + c.diagnostics().stream().map(Diagnostic::render)
          .collect(Collectors.joining("\n")) + "\n" + files).isFalse();
      List<JsonNode> docs = c.documents().stream().map(Document::json).map(JsonNode.class::cast).toList();
      assertThat(docs).as(context + ": a ModelServing per model").filteredOn(d -> d.path("kind").asText().equals("ModelServing"))
          .hasSize(models.size());
      PolicySimulator sim = PolicySimulator.of(docs, SimulatorOptions.defaults());
      Explainer explainer = new Explainer(c, "cluster.local");
      for (Pod b : pods) {
        Set<Integer> ports = portsToTry(models, b);
        for (Pod a : pods) {
          for (int port : ports) {
            boolean expected = expected(models, agreed, a, b, port);
            String what = context + ": " + a.name() + " -> " + b.name() + ":" + port;
            Verdict l4 = sim.l4(a.workload(), b.workload(), port);
            boolean peers = a.model() != null && a.model().equals(b.model()) && (model(models, a).workers() || model(models, a).disaggregated());
            if (b.ports().contains(port) || peers) {
              // in the ambient mesh L4 sees HBONE (15008), not the target port: only L7 tells ports apart, so
              // a model's pods that peer on one port pass L4 on every port
              assertThat(l4.allowed()).as(what + " at L4: " + l4.reason()).isEqualTo(expected || peers);
            }
            Verdict l7 = sim.l7(a.workload(), b.workload(), port);
            assertThat(l7.allowed()).as(what + " at L7: " + l7.reason()).isEqualTo(expected);
            var why = explainer.explain(ObjectRef.of(NS, a.name()), ObjectRef.of(NS, b.name()), Optional.of(port));
            assertThat(why.allowed()).as(what + " explained: " + why.reasons()).isEqualTo(expected);
            checked++;
          }
        }
        for (String component : List.of(Kthena.ROUTER, Kthena.CONTROLLER)) {
          Workload from = new Workload(Kthena.NAMESPACE, component, Kthena.podLabels(component), component, true, List.of());
          for (int port : ports) {
            boolean expected = b.model() != null && (component.equals(Kthena.ROUTER) ? port == model(models, b).port()
                : model(models, b).autoscaled() && port == model(models, b).metricPort());
            String what = context + ": " + component + " -> " + b.name() + ":" + port;
            if (b.ports().contains(port)) {
              // at L4 the ambient mesh sees HBONE only: a component admitted at all passes there on every port
              boolean admitted = b.model() != null && (component.equals(Kthena.ROUTER) || model(models, b).autoscaled());
              Verdict l4 = sim.l4(from, b.workload(), port);
              assertThat(l4.allowed()).as(what + " at L4: " + l4.reason()).isEqualTo(admitted);
            }
            Verdict l7 = sim.l7(from, b.workload(), port);
            assertThat(l7.allowed()).as(what + " at L7: " + l7.reason()).isEqualTo(expected);
            var why = explainer.explainFromKthena(component, ObjectRef.of(NS, b.name()), Optional.of(port));
            assertThat(why.allowed()).as(what + " explained: " + why.reasons()).isEqualTo(expected);
            checked++;
          }
        }
      }
    }
    System.out.println("model policy property: " + FLEETS + " fleets, " + checked + " connections checked at L4 and L7, base seed " + base);
  }

  private static Set<Integer> portsToTry(List<Model> models, Pod b) {
    Set<Integer> ports = new TreeSet<>(b.ports());
    ports.add(EPHEMERAL);
    models.forEach(m -> {
      ports.add(m.port());
      ports.add(m.kvPort());
    });
    return ports;
  }

  private static Model model(List<Model> models, Pod p) {
    return models.stream().filter(m -> m.name().equals(p.model())).findFirst().orElseThrow();
  }

  private static boolean expected(List<Model> models, Set<List<String>> agreed, Pod a, Pod b, int port) {
    if (a.model() != null && a.model().equals(b.model()) && model(models, a).peersOn(port)) {
      return true;
    }
    return agreed.contains(List.of(a.name(), b.name())) && b.ports().contains(port);
  }

  private static List<Model> models(Random random) {
    List<Model> out = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    for (int m = 0; m < count; m++) {
      out.add(new Model("llm" + m, random.nextBoolean(), random.nextInt(3) == 0, random.nextBoolean(), random.nextBoolean(),
          8100 + m * 10, 5557 + m, 9100 + m));
    }
    return out;
  }

  private static Map<String, String> render(List<Model> models, int services, Map<String, Set<String>> calls,
      Map<String, Set<String>> accepts) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("policy.yaml", """
        apiVersion: lattice.dev/v1alpha1
        kind: CedarPolicy
        metadata: {name: permit-all, namespace: lattice-system}
        spec:
          policies: |
            permit(principal, action, resource);
        """);
    for (Model m : models) {
      StringBuilder y = new StringBuilder("apiVersion: lattice.dev/v1alpha1\nkind: LatticeModel\nmetadata: {name: " + m.name()
          + ", namespace: " + NS + "}\nspec:\n  routing:\n    inferenceEngine: vLLM\n    model: org/" + m.name()
          + "\n    port: " + m.port() + "\n");
      if (m.disaggregated()) {
        y.append("    kvConnector: {type: ").append(m.nixl() ? "nixl" : "mooncake").append(", port: ").append(m.kvPort()).append("}\n");
      }
      y.append("  roles:\n");
      List<String> roles = m.roles();
      for (int r = 0; r < roles.size(); r++) {
        String role = roles.get(r);
        String entry = m.name() + "-" + role;
        y.append("    ").append(role).append(":\n      replicas: 1\n      entryWorkload:\n");
        boolean last = r == roles.size() - 1;
        y.append(AgreementYaml.workload(entry, m.autoscaled() && last ? List.of(m.metricPort()) : List.of(), calls, accepts, "        "));
        if (m.workers() && r == 0) {
          y.append("      workerReplicas: 1\n      workerWorkload:\n");
          y.append(AgreementYaml.workload(entry + "-worker", List.of(), calls, accepts, "        "));
        }
        if (m.autoscaled() && last) {
          y.append("      autoscaling: {max: 3, metrics: [{metric: kv_cache_usage, target: 0.8, port: ").append(m.metricPort()).append("}]}\n");
        }
      }
      files.put(m.name() + ".yaml", y.toString());
    }
    AgreementYaml.services(files, services, NS, calls, accepts);
    return files;
  }
}
