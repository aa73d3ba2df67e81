package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.agent.CommandExecutor;
import dev.lattice.runtime.link.pivot.ClusterMover;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.wiring.ChildClusterWiring;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The real controller (JOSDK, informers) on the CRUD mock with {@link ChildClusterWiring} as its
 * {@link ClusterHook}: reconciling LatticeCluster {@code edge}, a child of the cell {@code mgmt}, settled
 * by the fleet pass (held, or compiled into CAPI documents that are applied),
 * issues its bootstrap Secret, follows the pivot to Ready as the facts arrive (CAPI provisioned, the
 * webhook's call, the agent's stream) and fills the cell's {@code childrenHealth}; deleting a pivoted
 * child unpivots it before its finalizer goes.
 */
class CellClusterHookTest extends ControllerTestSupport {
  private static final ResourceDefinitionContext CAPI = new ResourceDefinitionContext.Builder().withGroup("cluster.x-k8s.io")
      .withVersion("v1beta2").withKind("Cluster").withPlural("clusters").withNamespaced(true).build();

  @Test
  void theControllerDrivesAChildFromProvisioningToReady() throws Exception {
    Set<String> childObjects = ConcurrentHashMap.newKeySet();
    AtomicInteger moves = new AtomicInteger();
    try (LinkFixture fx = new LinkFixture()) {
      ChildClusterWiring wiring = wiring(fx, "https://cell.example:8443", (c, ns) -> {
            moves.incrementAndGet();
            childObjects.add(ns + "/Cluster/" + c);
          });
      LatticeController controller = start(wiring);
      try {
        // specs the compiler holds (no provider, no nodes): the pivot does not depend on what is emitted
        cluster.put(latticeCluster("mgmt"));
        cluster.put(latticeCluster("edge"));

        MockCluster.await("the bootstrap Secret", TIMEOUT,
            () -> cluster.client.secrets().inNamespace("capi-edge").withName("edge-bootstrap-token").get() != null);
        MockCluster.await("phase Provisioning", TIMEOUT, () -> "Provisioning".equals(status("edge").path("phase").asText()));

        cluster.client.genericKubernetesResources(CAPI).inNamespace("capi-edge").resource(new GenericKubernetesResourceBuilder()
            .withApiVersion("cluster.x-k8s.io/v1beta2").withKind("Cluster").withNewMetadata().withName("edge")
            .withNamespace("capi-edge").endMetadata().addToAdditionalProperties("status", Map.of("phase", "Provisioned")).build())
            .create();
        MockCluster.await("awaiting the bootstrap", TIMEOUT, () -> pivotStep().contains("AWAITING_BOOTSTRAP"));
        wiring.bootstrapped("edge"); // what the webhook reports
        MockCluster.await("awaiting the agent", TIMEOUT, () -> pivotStep().contains("AWAITING_AGENT"));

        fx.agent(fx.enroll("edge"), c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true)
            .putDetails("present", String.valueOf(childObjects.contains(c.getConfirmPivot().getCapiNamespace() + "/Cluster/edge")))
            .build(), Duration.ofHours(1));
        MockCluster.await("Ready", TIMEOUT, () -> "Ready".equals(status("edge").path("phase").asText()));
        assertThat(status("edge").path("pivotComplete").asBoolean()).isTrue();
        assertThat(status("edge").path("bootstrapComplete").asBoolean()).isTrue();
        assertThat(moves).hasValue(1);
        MockCluster.await("childrenHealth of the cell", TIMEOUT,
            () -> "Ready".equals(status("mgmt").at("/childrenHealth/edge/agentState").asText()));
        assertThat(status("mgmt").path("childrenHealth").size()).isEqualTo(1);
      } finally {
        controller.stop();
      }
    }
  }

  @Test
  void aCompiledCellAndChildSettleTheHookRunsAndTheSecretNamesTheParentConfigEndpoint() throws Exception {
    try (LinkFixture fx = new LinkFixture()) {
      ChildClusterWiring wiring = wiring(fx, "https://fallback.example:8443", (c, ns) -> { });
      LatticeController controller = start(wiring);
      try {
        cluster.put(DOCKER);
        cluster.put(compiledCluster("mgmt", "  parentConfig:\n    host: cell.example\n    bootstrapPort: 9443\n"));
        cluster.put(compiledCluster("edge", ""));

        // the pass applied the child's CAPI documents (kinds now in ManagedKind) and settled: the hook ran.
        // One owner's documents are applied one after another (Rollout), so the test waits for all of them,
        // not only for the Cluster: on a loaded machine the DockerCluster can still be on its way.
        List<String> expected = List.of("cluster.x-k8s.io/v1beta2 MachineDeployment/capi-edge/edge-pool-default",
            "infrastructure.cluster.x-k8s.io/v1beta2 DockerCluster/capi-edge/edge",
            "controlplane.cluster.x-k8s.io/v1beta2 KubeadmControlPlane/capi-edge/edge-control-plane",
            "addons.cluster.x-k8s.io/v1beta2 ClusterResourceSet/capi-edge/edge-addons",
            "cluster.x-k8s.io/v1beta2 Cluster/capi-mgmt/mgmt");
        MockCluster.await("edge's CAPI documents applied", TIMEOUT, () -> documents().keySet().containsAll(expected));
        assertThat(cluster.client.genericKubernetesResources(CAPI).inNamespace("capi-edge").withName("edge").get()).isNotNull();
        awaitCondition("LatticeCluster", null, "edge", "Applied", "True");
        MockCluster.await("the bootstrap Secret", TIMEOUT,
            () -> cluster.client.secrets().inNamespace("capi-edge").withName("edge-bootstrap-token").get() != null);
        var secret = cluster.client.secrets().inNamespace("capi-edge").withName("edge-bootstrap-token").get();
        String endpoint = secret.getStringData() != null && secret.getStringData().containsKey("endpoint")
            ? secret.getStringData().get("endpoint")
            : new String(java.util.Base64.getDecoder().decode(secret.getData().get("endpoint")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(endpoint).isEqualTo("https://cell.example:9443");
        MockCluster.await("phase Provisioning", TIMEOUT, () -> "Provisioning".equals(status("edge").path("phase").asText()));
        assertThat(cluster.client.secrets().inNamespace("capi-mgmt").withName("mgmt-bootstrap-token").get())
            .as("the cell issues no token to itself").isNull();
      } finally {
        controller.stop();
      }
    }
  }

  @Test
  void deletingAPivotedChildUnpivotsItAndTheFinalizerGoesOnlyAfterTheImportAndTheDelete() throws Exception {
    AtomicInteger imports = new AtomicInteger();
    AtomicInteger importsWhileNotDeleting = new AtomicInteger();
    try (LinkFixture fx = new LinkFixture()) {
      ChildClusterWiring wiring = wiring(fx, "https://cell.example:8443",
          (c, ns) -> capi(ns, c).delete(), // the pivot: the CAPI objects leave the parent for the child
          (c, ns) -> { // the unpivot's import: back into the parent
            var lc = cluster.get("LatticeCluster", null, c);
            if (lc == null || lc.getMetadata().getDeletionTimestamp() == null) {
              importsWhileNotDeleting.incrementAndGet();
            }
            imports.incrementAndGet();
            createCapiCluster(c, "Provisioned");
          });
      LatticeController controller = start(wiring);
      try {
        cluster.put(latticeCluster("mgmt"));
        cluster.put(latticeCluster("edge"));
        MockCluster.await("phase Provisioning", TIMEOUT, () -> "Provisioning".equals(status("edge").path("phase").asText()));
        createCapiCluster("edge", "Provisioned");
        MockCluster.await("awaiting the bootstrap", TIMEOUT, () -> pivotStep().contains("AWAITING_BOOTSTRAP"));
        wiring.bootstrapped("edge");
        var id = fx.enroll("edge");
        CommandExecutor confirms = c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true)
            .putDetails("present", "true").build();
        var agent = fx.agent(id, confirms, Duration.ofHours(1));
        MockCluster.await("Ready", TIMEOUT, () -> "Ready".equals(status("edge").path("phase").asText()));
        assertThat(capi("capi-edge", "edge").get()).as("moved out of the parent").isNull();

        // deleted while the agent is away: the import needs its stream, so the finalizer stays
        agent.close();
        MockCluster.await("agent gone", TIMEOUT, () -> !fx.registry.session("edge").connected());
        cluster.delete("LatticeCluster", null, "edge");
        MockCluster.await("phase Unpivoting", TIMEOUT, () -> "Unpivoting".equals(status("edge").path("phase").asText()));
        Thread.sleep(1500);
        assertThat(cluster.get("LatticeCluster", null, "edge")).as("kept by its finalizer").isNotNull();
        assertThat(imports).hasValue(0);
        assertThat(annotation(ChildClusterWiring.UNPIVOT_ANNOTATION)).contains("\"step\":\"AWAITING_AGENT\"")
            .contains("\"unpivotImportComplete\":false");

        // the agent is back: import once, delete the CAPI Cluster in the parent, then the finalizer goes
        fx.agent(id, confirms, Duration.ofHours(1));
        String last = "";
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (cluster.get("LatticeCluster", null, "edge") != null) {
          assertThat(System.nanoTime()).as("the LatticeCluster goes").isLessThan(deadline);
          String a = annotation(ChildClusterWiring.UNPIVOT_ANNOTATION);
          last = a.isEmpty() ? last : a;
          Thread.sleep(10);
        }
        assertThat(imports).hasValue(1);
        assertThat(importsWhileNotDeleting).hasValue(0);
        assertThat(last).contains("\"unpivotImportComplete\":true").containsPattern("\"step\":\"(DELETING|DELETED)\"");
        assertThat(capi("capi-edge", "edge").get()).as("deleted in the parent (CAPI tears the machines down)").isNull();
      } finally {
        controller.stop();
      }
    }
  }

  @Test
  void deletingAChildThatWasNeverPivotedImportsNothing() throws Exception {
    AtomicInteger imports = new AtomicInteger();
    try (LinkFixture fx = new LinkFixture()) {
      ChildClusterWiring wiring = wiring(fx, "https://cell.example:8443", (c, ns) -> { }, (c, ns) -> imports.incrementAndGet());
      LatticeController controller = start(wiring);
      try {
        cluster.put(latticeCluster("mgmt"));
        cluster.put(latticeCluster("edge"));
        MockCluster.await("phase Provisioning", TIMEOUT, () -> "Provisioning".equals(status("edge").path("phase").asText()));
        cluster.delete("LatticeCluster", null, "edge");
        MockCluster.await("edge deleted", TIMEOUT, () -> cluster.get("LatticeCluster", null, "edge") == null);
        assertThat(imports).hasValue(0);
      } finally {
        controller.stop();
      }
    }
  }

  /** The wiring of cell {@code mgmt} on the mock, with the fixture's CA, tokens and registry. */
  private ChildClusterWiring wiring(LinkFixture fx, String bootstrap, ClusterMover mover, ClusterMover importer) {
    return new ChildClusterWiring(cluster.client, new ChildClusterWiring.Settings("mgmt", bootstrap, Duration.ofHours(1)),
        fx.authority, fx.tokens, fx.registry, mover, importer);
  }

  private ChildClusterWiring wiring(LinkFixture fx, String bootstrap, ClusterMover mover) {
    return wiring(fx, bootstrap, mover, (c, ns) -> {
      throw new AssertionError("no unpivot expected");
    });
  }

  /** The real controller on the mock with {@code wiring} as its hook (children again after 200 ms, the rest after 1 s). */
  private LatticeController start(ChildClusterWiring wiring) {
    LatticeController controller = new LatticeController(cluster.server.createClient(), MockCluster.options(),
        new SimpleMeterRegistry(), Clock.systemUTC(), wiring.clusterHook(Duration.ofMillis(200), Duration.ofSeconds(1)));
    controller.start();
    return controller;
  }

  private io.fabric8.kubernetes.client.dsl.Resource<io.fabric8.kubernetes.api.model.GenericKubernetesResource> capi(
      String ns, String name) {
    return cluster.client.genericKubernetesResources(CAPI).inNamespace(ns).withName(name);
  }

  private void createCapiCluster(String name, String phase) {
    cluster.client.genericKubernetesResources(CAPI).inNamespace("capi-" + name).resource(new GenericKubernetesResourceBuilder()
        .withApiVersion("cluster.x-k8s.io/v1beta2").withKind("Cluster").withNewMetadata().withName(name)
        .withNamespace("capi-" + name).endMetadata().addToAdditionalProperties("status", Map.of("phase", phase)).build())
        .create();
  }

  private String annotation(String key) {
    var lc = cluster.get("LatticeCluster", null, "edge");
    var a = lc == null ? null : lc.getMetadata().getAnnotations();
    return a == null ? "" : a.getOrDefault(key, "");
  }

  private static final String DOCKER = "apiVersion: lattice.dev/v1alpha1\nkind: CloudProvider\nmetadata:\n  name: docker\n"
      + "spec:\n  type: docker\n";

  /** A LatticeCluster on Docker that compiles (CAPD objects, add-ons), with {@code more} spec lines. */
  static String compiledCluster(String name, String more) {
    return "apiVersion: lattice.dev/v1alpha1\nkind: LatticeCluster\nmetadata:\n  name: " + name + "\nspec:\n"
        + "  providerRef: docker\n  provider:\n    kubernetes:\n      version: \"1.32.0\"\n      bootstrap: kubeadm\n"
        + "    config:\n      docker:\n        lbCidr: \"172.18.254.0/28\"\n"
        + "  nodes:\n    controlPlane:\n      replicas: 1\n    workerPools:\n      default:\n        replicas: 1\n" + more;
  }

  private static String latticeCluster(String name) {
    return "apiVersion: lattice.dev/v1alpha1\nkind: LatticeCluster\nmetadata:\n  name: " + name + "\nspec:\n  providerRef: docker\n";
  }

  private JsonNode status(String name) {
    return Serialization.jsonMapper().valueToTree(cluster.get("LatticeCluster", null, name)).path("status");
  }

  private String pivotStep() {
    var a = cluster.get("LatticeCluster", null, "edge").getMetadata().getAnnotations();
    return a == null ? "" : a.getOrDefault(ChildClusterWiring.PIVOT_ANNOTATION, "");
  }
}
