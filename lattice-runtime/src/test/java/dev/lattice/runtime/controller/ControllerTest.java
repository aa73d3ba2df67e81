package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.document.Document;
import dev.lattice.runtime.fleet.Ownership;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The controller against fabric8's CRUD mock server (create-or-replace applier: the mock has no server-side apply). */
class ControllerTest {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void appliesExactlyWhatTheCompilerEmitsAndWritesStatus() {
    Map<String, String> shop = Fleets.example("shop");
    shop.values().forEach(cluster::put);
    cluster.startController();
    Compilation expected = Fleets.compile(shop);
    assertThat(expected.hasErrors()).isFalse();
    awaitDocuments(expected);
    Map<String, ObjectNode> stored = cluster.documents();
    for (Document d : expected.documents()) {
      String id = Ownership.id(d.apiVersion(), d.kind(), d.namespace(), d.name());
      assertThat(MockCluster.asCompiled(stored.get(id))).as(id).isEqualTo(d.body());
      assertThat(stored.get(id).path("metadata").path("annotations").path(Ownership.OWNER).asText()).isNotEmpty();
    }
    assertThat(stored.keySet()).hasSize(expected.documents().size());
    awaitReady("LatticeService", "shop", "api-gateway");
    JsonNode status = status("LatticeService", "shop", "api-gateway");
    assertThat(status.path("phase").asText()).isEqualTo("Ready");
    assertThat(status.path("observedGeneration").asLong()).isPositive();
    assertThat(conditions(status)).containsEntry("Ready", "True").containsEntry("Compiled", "True").containsEntry("Applied", "True");
  }

  void awaitDocuments(Compilation expected) {
    MockCluster.await("the compiled documents", TIMEOUT, () -> {
      Map<String, ObjectNode> stored = cluster.documents();
      for (Document d : expected.documents()) {
        ObjectNode s = stored.get(Ownership.id(d.apiVersion(), d.kind(), d.namespace(), d.name()));
        if (s == null || !MockCluster.asCompiled(s).equals(d.body())) {
          return false;
        }
      }
      return true;
    });
  }

  void awaitReady(String kind, String ns, String name) {
    MockCluster.await(kind + " " + name + " ready", TIMEOUT, () -> "True".equals(conditions(status(kind, ns, name)).get("Ready")));
  }

  JsonNode status(String kind, String ns, String name) {
    GenericKubernetesResource r = cluster.get(kind, ns, name);
    return r == null ? Serialization.jsonMapper().createObjectNode() : Serialization.jsonMapper().valueToTree(r).path("status");
  }

  static Map<String, String> conditions(JsonNode status) {
    Map<String, String> out = new TreeMap<>();
    status.path("conditions").forEach(c -> out.put(c.path("type").asText(), c.path("status").asText()));
    return out;
  }
}
