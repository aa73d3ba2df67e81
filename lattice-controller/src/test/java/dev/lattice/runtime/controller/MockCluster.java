package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.DocumentWriter;
import dev.lattice.document.Json;
import dev.lattice.runtime.install.CrdKind;
import dev.lattice.runtime.install.InstallManifests;
import dev.lattice.runtime.install.ManagedKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.BooleanSupplier;

/**
 * fabric8's mock API server in CRUD mode (expectations first, so tests can inject faults), with the
 * Lattice CRDs installed, and helpers to run controllers against it.
 */
final class MockCluster implements AutoCloseable {
  final KubernetesMockServer server;
  final KubernetesClient client;
  private final List<LatticeController> controllers = new ArrayList<>();

  MockCluster() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
    server.init();
    client = server.createClient();
    for (var crd : InstallManifests.crds()) {
      client.resource(DocumentWriter.toYaml(crd)).create();
    }
  }

  static ControllerOptions options() {
    return ControllerOptions.defaults().withApplyMode("replace").withCoalesce(Duration.ofMillis(20))
        .withRetryInitial(Duration.ofMillis(100));
  }

  LatticeController startController() {
    return startController(server.createClient());
  }

  /** A controller whose client gives up on a request after {@code timeout}, leaving retries to the controller. */
  LatticeController startControllerWithRequestTimeout(Duration timeout) {
    var config = new io.fabric8.kubernetes.client.ConfigBuilder(server.createClient().getConfiguration())
        .withRequestTimeout((int) timeout.toMillis()).withRequestRetryBackoffLimit(0).build();
    return startController(new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build());
  }

  LatticeController startController(io.fabric8.kubernetes.client.KubernetesClient controllerClient) {
    LatticeController c = new LatticeController(controllerClient, options(), new SimpleMeterRegistry(), Clock.systemUTC());
    c.start();
    controllers.add(c);
    return c;
  }

  void stop(LatticeController c) {
    c.stop();
    controllers.remove(c);
  }

  /** Creates or replaces a Lattice object given as YAML. */
  void put(String yaml) {
    GenericKubernetesResource r = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    var ops = latticeOps(r.getKind(), r.getMetadata().getNamespace());
    GenericKubernetesResource existing = ops.withName(r.getMetadata().getName()).get();
    if (existing == null) {
      ops.resource(r).create();
    } else {
      existing.setAdditionalProperty("spec", r.getAdditionalProperties().get("spec"));
      ops.resource(existing).update();
    }
  }

  void delete(String kind, String namespace, String name) {
    latticeOp(kind, namespace, name).delete();
  }

  GenericKubernetesResource get(String kind, String namespace, String name) {
    return latticeOp(kind, namespace, name).get();
  }

  private io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> latticeOp(String kind, String ns, String name) {
    return latticeOps(kind, ns).withName(name);
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
      io.fabric8.kubernetes.api.model.GenericKubernetesResourceList, io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      latticeOps(String kind, String ns) {
    CrdKind k = CrdKind.of(dev.lattice.model.Kind.fromWire(kind).orElseThrow());
    var op = client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(CrdKind.GROUP)
        .withVersion(CrdKind.VERSION).withKind(kind).withPlural(k.plural()).withNamespaced(k.namespaced()).build());
    return k.namespaced() ? op.inNamespace(ns == null ? "default" : ns) : op;
  }

  /** Every object of the emitted kinds in the mock, by {@code apiVersion Kind/ns/name}. */
  Map<String, ObjectNode> documents() {
    Map<String, ObjectNode> out = new java.util.TreeMap<>();
    for (ManagedKind k : ManagedKind.ALL) {
      var op = client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(k.group())
          .withVersion(k.version()).withKind(k.kind()).withPlural(k.plural()).withNamespaced(k.namespaced()).build());
      for (GenericKubernetesResource r : (k.namespaced() ? op.inAnyNamespace() : op).list().getItems()) {
        String ns = r.getMetadata().getNamespace();
        out.put(k.apiVersion() + " " + k.kind() + "/" + (ns == null || !k.namespaced() ? "" : ns + "/") + r.getMetadata().getName(),
            Serialization.jsonMapper().valueToTree(r));
      }
    }
    return out;
  }

  /** A stored document as the compiler wrote it: without server fields and the controller's annotations. */
  static JsonNode asCompiled(ObjectNode stored) {
    ObjectNode copy = stored.deepCopy();
    ObjectNode meta = (ObjectNode) copy.get("metadata");
    for (String f : List.of("resourceVersion", "uid", "creationTimestamp", "generation", "managedFields", "finalizers")) {
      meta.remove(f);
    }
    ObjectNode annotations = (ObjectNode) meta.get("annotations");
    if (annotations != null) {
      annotations.remove(List.of(dev.lattice.runtime.fleet.Ownership.OWNER, dev.lattice.runtime.fleet.Ownership.HASH,
          dev.lattice.runtime.fleet.Ownership.APPLIED_AS));
      if (annotations.isEmpty()) {
        meta.remove("annotations");
      }
    }
    return copy;
  }

  static boolean managed(JsonNode doc) {
    return "lattice".equals(doc.path("metadata").path("labels").path(Json.MANAGED_BY).textValue());
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  @Override
  public void close() {
    new ArrayList<>(controllers).forEach(this::stop);
    client.close();
    server.destroy();
  }
}
