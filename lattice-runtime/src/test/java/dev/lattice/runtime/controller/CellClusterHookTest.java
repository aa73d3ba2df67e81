package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.wiring.ChildClusterWiring;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The real controller (JOSDK, informers) on the CRUD mock with {@link ChildClusterWiring} as its
 * {@link ClusterHook}: reconciling LatticeCluster {@code edge}, a child of the cell {@code mgmt}, settled
 * by the fleet pass (held: its spec is incomplete, so it emits nothing),
 * issues its bootstrap Secret, follows the pivot to Ready as the facts arrive (CAPI provisioned, the
 * webhook's call, the agent's stream) and fills the cell's {@code childrenHealth}.
 */
class CellClusterHookTest extends ControllerTestSupport {
  private static final ResourceDefinitionContext CAPI = new ResourceDefinitionContext.Builder().withGroup("cluster.x-k8s.io")
      .withVersion("v1beta2").withKind("Cluster").withPlural("clusters").withNamespaced(true).build();

  @Test
  void theControllerDrivesAChildFromProvisioningToReady() throws Exception {
    Set<String> childObjects = ConcurrentHashMap.newKeySet();
    AtomicInteger moves = new AtomicInteger();
    try (LinkFixture fx = new LinkFixture()) {
      ChildClusterWiring wiring = new ChildClusterWiring(cluster.client,
          new ChildClusterWiring.Settings("mgmt", "https://cell.example:8443", Duration.ofHours(1)), fx.authority, fx.tokens,
          fx.registry, (c, ns) -> {
            moves.incrementAndGet();
            childObjects.add(ns + "/Cluster/" + c);
          });
      LatticeController controller = new LatticeController(cluster.server.createClient(), MockCluster.options(),
          new SimpleMeterRegistry(), Clock.systemUTC(), wiring.clusterHook(Duration.ofMillis(200), Duration.ofSeconds(1)));
      controller.start();
      try {
        // specs the compiler holds (no provider, no nodes): a compiled LatticeCluster emits CAPI kinds that
        // ManagedKind does not list yet (docs/RUNTIME.md), so its pass would never settle here
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
