package dev.lattice.runtime.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.document.Document;
import dev.lattice.runtime.fleet.Ownership;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh mock cluster per test, and the waits and views the controller tests share. */
abstract class ControllerTestSupport {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  MockCluster cluster;

  static {
    for (String noisy : new String[] {"io.fabric8.mockwebserver", "io.netty", "io.vertx", "io.fabric8.kubernetes.client.informers"}) {
      Logger.getLogger(noisy).setLevel(Level.WARNING);
    }
  }

  @BeforeEach
  void startCluster() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  /** Waits until the mock holds exactly the compiled documents (as compiled, ignoring server fields) and no other managed ones. */
  void awaitExactly(Compilation expected) {
    Map<String, JsonNode> want = new TreeMap<>();
    for (Document d : expected.documents()) {
      want.put(Ownership.id(d.apiVersion(), d.kind(), d.namespace(), d.name()), d.json());
    }
    MockCluster.await("exactly the compiled documents", TIMEOUT, () -> {
      Map<String, JsonNode> have = new TreeMap<>();
      cluster.documents().forEach((id, doc) -> {
        if (MockCluster.managed(doc) && doc.path("metadata").path("annotations").has(Ownership.OWNER)) {
          have.put(id, MockCluster.asCompiled(doc));
        }
      });
      // Namespaces are never pruned, so a namespace no longer compiled may stay
      have.keySet().removeIf(id -> id.startsWith("v1 Namespace/") && !want.containsKey(id));
      return have.equals(want);
    });
  }

  void awaitCondition(String kind, String ns, String name, String type, String value) {
    MockCluster.await(kind + " " + name + " " + type + "=" + value, TIMEOUT,
        () -> value.equals(conditions(status(kind, ns, name)).get(type)));
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

  /** {@code id -> resourceVersion} of every managed document: what changes when one is written. */
  Map<String, String> versions() {
    Map<String, String> out = new TreeMap<>();
    cluster.documents().forEach((id, doc) -> out.put(id, doc.path("metadata").path("resourceVersion").asText()));
    return out;
  }

  static Set<String> changed(Map<String, String> before, Map<String, String> after) {
    Set<String> out = new TreeSet<>();
    after.forEach((id, v) -> {
      if (!v.equals(before.get(id))) {
        out.add(id);
      }
    });
    before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(out::add);
    return out;
  }

  Map<String, ObjectNode> documents() {
    return cluster.documents();
  }
}
