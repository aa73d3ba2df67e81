package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.document.Document;
import dev.lattice.runtime.fleet.Ownership;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The controller against fabric8's CRUD mock server (create-or-replace applier: the mock has no server-side apply). */
class ControllerTest extends ControllerTestSupport {

  @Test
  void appliesExactlyWhatTheCompilerEmitsAndWritesStatus() {
    Map<String, String> shop = Fleets.example("shop");
    shop.values().forEach(cluster::put);
    cluster.startController();
    Compilation expected = Fleets.compile(shop);
    assertThat(expected.hasErrors()).isFalse();
    awaitExactly(expected);
    Map<String, ObjectNode> stored = documents();
    for (Document d : expected.documents()) {
      String id = Ownership.id(d.apiVersion(), d.kind(), d.namespace(), d.name());
      assertThat(stored.get(id).path("metadata").path("annotations").path(Ownership.OWNER).asText()).as(id)
          .isEqualTo(d.namespace().isPresent() && d.json().path("metadata").path("labels").has("app.kubernetes.io/name")
              ? (d.kind().equals("ServiceEntry") ? "LatticeExternalService/" : "LatticeService/") + d.namespace().get() + "/"
                  + d.json().path("metadata").path("labels").path("app.kubernetes.io/name").asText()
              : Ownership.FLEET);
    }
    awaitCondition("LatticeService", "shop", "api-gateway", "Ready", "True");
    JsonNode status = status("LatticeService", "shop", "api-gateway");
    assertThat(status.path("phase").asText()).isEqualTo("Ready");
    assertThat(status.path("observedGeneration").asLong()).isPositive();
    assertThat(conditions(status)).containsEntry("Compiled", "True").containsEntry("Applied", "True");
  }

  @Test
  void aChangedAgreementReappliesBothPeersPoliciesAndNothingUnrelated() {
    Map<String, String> fleet = new LinkedHashMap<>();
    fleet.put("a", Fleets.service("demo", "a", List.of("b"), List.of()));
    fleet.put("b", Fleets.service("demo", "b", List.of(), List.of("a")));
    fleet.put("c", Fleets.service("demo", "c", List.of(), List.of()));
    fleet.values().forEach(cluster::put);
    cluster.startController();
    awaitExactly(Fleets.compile(fleet));
    awaitCondition("LatticeService", "demo", "b", "Ready", "True");
    Map<String, String> before = versions();

    fleet.put("b", Fleets.service("demo", "b", List.of(), List.of())); // b withdraws its half of the agreement
    cluster.put(fleet.get("b"));
    awaitExactly(Fleets.compile(fleet));
    MockCluster.await("b's new generation observed", TIMEOUT,
        () -> status("LatticeService", "demo", "b").path("observedGeneration").asLong() > 1);
    Set<String> changed = changed(before, versions());
    assertThat(changed).contains("cilium.io/v2 CiliumNetworkPolicy/demo/a", "cilium.io/v2 CiliumNetworkPolicy/demo/b",
        "security.istio.io/v1 AuthorizationPolicy/demo/allow-to-b");
    assertThat(changed).noneMatch(id -> id.endsWith("/demo/c") || id.contains("/demo/c-") || id.endsWith("allow-to-c"));
    assertThat(changed).noneMatch(id -> id.contains("Deployment"));
  }

  @Test
  void aDeletedServiceIsPrunedAndNothingElseIsTouched() {
    Map<String, String> fleet = new LinkedHashMap<>();
    fleet.put("a", Fleets.service("demo", "a", List.of("b"), List.of()));
    fleet.put("b", Fleets.service("demo", "b", List.of(), List.of("a")));
    fleet.put("c", Fleets.service("demo", "c", List.of(), List.of()));
    fleet.values().forEach(cluster::put);
    cluster.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName("demo").endMetadata().build()).create();
    cluster.client.configMaps().inNamespace("demo").resource(new ConfigMapBuilder().withNewMetadata().withName("hand-made")
        .addToLabels("app.kubernetes.io/name", "c").endMetadata().addToData("k", "v").build()).create();
    cluster.client.configMaps().inNamespace("demo").resource(new ConfigMapBuilder().withNewMetadata().withName("c-kubectl")
        .addToLabels("app.kubernetes.io/managed-by", "lattice").addToLabels("app.kubernetes.io/name", "c")
        .endMetadata().addToData("k", "v").build()).create();
    cluster.startController();
    awaitExactly(Fleets.compile(fleet));
    Map<String, String> before = versions();

    cluster.delete("LatticeService", "demo", "c");
    fleet.remove("c");
    awaitExactly(Fleets.compile(fleet));
    MockCluster.await("the finalizer released", TIMEOUT, () -> cluster.get("LatticeService", "demo", "c") == null);
    Map<String, ObjectNode> stored = documents();
    assertThat(stored).containsKeys("v1 ConfigMap/demo/hand-made", "v1 ConfigMap/demo/c-kubectl", "v1 Namespace/demo");
    assertThat(stored.keySet()).noneMatch(id -> id.endsWith("/demo/c") || id.endsWith("allow-to-c"));
    assertThat(changed(before, versions())).allMatch(id -> id.endsWith("/demo/c") || id.endsWith("allow-to-c"));
  }

  /**
   * What a restarted controller finds in the cluster (issue #16, item 2): a leftover it wrote, owned
   * by an object that is gone, is pruned; a copy of one of its documents — same labels and owner
   * annotation, another namespace — is not, since it was never written under that identity.
   */
  @Test
  void aRestartedControllerPrunesItsLeftoversButNeverACopyOfOne() {
    Map<String, String> fleet = new LinkedHashMap<>();
    fleet.put("a", Fleets.service("demo", "a", List.of(), List.of()));
    fleet.values().forEach(cluster::put);
    for (String ns : List.of("demo", "elsewhere")) {
      cluster.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
          .withName(ns).endMetadata().build()).create();
    }
    String leftover = "v1 ConfigMap/demo/gone-config";
    for (String[] cm : List.of(new String[] {"demo", "gone-config", leftover}, new String[] {"elsewhere", "gone-config", leftover})) {
      cluster.client.configMaps().inNamespace(cm[0]).resource(new ConfigMapBuilder().withNewMetadata().withName(cm[1])
          .addToLabels("app.kubernetes.io/managed-by", "lattice").addToLabels("app.kubernetes.io/name", "gone")
          .addToAnnotations(Ownership.OWNER, "LatticeService/demo/gone").addToAnnotations(Ownership.APPLIED_AS, cm[2])
          .endMetadata().addToData("k", "v").build()).create();
    }
    cluster.startController();
    MockCluster.await("a's policy applied", TIMEOUT, () -> documents().containsKey("cilium.io/v2 CiliumNetworkPolicy/demo/a"));
    MockCluster.await("the leftover pruned", TIMEOUT, () -> !documents().containsKey(leftover));
    assertThat(documents()).as("the copy in another namespace stays").containsKey("v1 ConfigMap/elsewhere/gone-config");
    assertThat(documents().get("cilium.io/v2 CiliumNetworkPolicy/demo/a").path("metadata").path("annotations")
        .path(Ownership.APPLIED_AS).asText()).isEqualTo("cilium.io/v2 CiliumNetworkPolicy/demo/a");
  }

  @Test
  void aBadSpecYieldsAConditionAndAnEventAndAppliesNothing() {
    Map<String, String> shop = Fleets.example("shop");
    shop.values().forEach(cluster::put);
    cluster.startController();
    awaitExactly(Fleets.compile(shop));
    Map<String, String> before = versions();

    cluster.put(Fleets.service("shop", "broken", List.of(), List.of()).replace("    containers:", "    containerz:"));
    awaitCondition("LatticeService", "shop", "broken", "Compiled", "False");
    JsonNode status = status("LatticeService", "shop", "broken");
    assertThat(status.path("phase").asText()).isEqualTo("Failed");
    assertThat(conditions(status)).containsEntry("Ready", "False");
    assertThat(conditions(status).keySet()).anyMatch(type -> type.startsWith("LAT1"));
    assertThat(status.toString()).contains("containerz");
    MockCluster.await("an Event about broken", TIMEOUT, () -> cluster.client.v1().events().inNamespace("shop").list().getItems()
        .stream().anyMatch(e -> e.getInvolvedObject().getName().equals("broken") && e.getType().equals("Warning")));
    Event event = cluster.client.v1().events().inNamespace("shop").list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals("broken")).findFirst().orElseThrow();
    assertThat(event.getReason()).startsWith("LAT1");
    assertThat(changed(before, versions())).isEmpty();
    assertThat(documents().keySet()).noneMatch(id -> id.contains("broken"));
    awaitCondition("LatticeService", "shop", "frontend", "Ready", "True");
  }
}
