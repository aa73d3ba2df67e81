package dev.lattice.runtime.link.wiring;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.DocumentWriter;
import dev.lattice.runtime.install.CrdKind;
import dev.lattice.runtime.install.InstallManifests;
import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.bootstrap.BootstrapWebhook;
import dev.lattice.runtime.link.pivot.ClusterMover;
import dev.lattice.runtime.link.pivot.PivotState;
import dev.lattice.runtime.link.pivot.PivotStep;
import dev.lattice.runtime.link.proto.CommandResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The link wired to LatticeCluster objects in fabric8's CRUD mock (the cell's API server): the
 * bootstrap Secret, the real webhook redeeming its token, bootstrapComplete, the pivot through a
 * real agent (fake mover), childrenHealth on the cell's own cluster, and a restart that does not
 * move again.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class ChildClusterWiringTest {
  static KubernetesClient client;

  private final Set<String> childObjects = ConcurrentHashMap.newKeySet();
  private final AtomicInteger moves = new AtomicInteger();
  private final ClusterMover fakeMover = (cluster, ns) -> {
    moves.incrementAndGet();
    childObjects.add(ns + "/Cluster/" + cluster);
  };

  private static ResourceDefinitionContext context(String group, String version, String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind).withPlural(plural)
        .withNamespaced(namespaced).build();
  }

  private static final ResourceDefinitionContext LC = context(CrdKind.GROUP, CrdKind.VERSION, "LatticeCluster", "latticeclusters", false);
  private static final ResourceDefinitionContext CAPI = context("cluster.x-k8s.io", "v1beta2", "Cluster", "clusters", true);

  private static void latticeCluster(String name) {
    client.genericKubernetesResources(LC).resource(new GenericKubernetesResourceBuilder()
        .withApiVersion(CrdKind.GROUP + "/" + CrdKind.VERSION).withKind("LatticeCluster").withNewMetadata().withName(name)
        .endMetadata().addToAdditionalProperties("spec", Map.of("providerRef", "docker")).build()).create();
  }

  private static JsonNode lc(String name) {
    return Serialization.jsonMapper().valueToTree(client.genericKubernetesResources(LC).withName(name).get());
  }

  @Test
  void aChildGoesFromProvisioningToReadyAndTheCellReportsItsHealth() throws Exception {
    for (var crd : InstallManifests.crds()) {
      client.resource(DocumentWriter.toYaml(crd)).create();
    }
    latticeCluster("mgmt");
    latticeCluster("edge");
    try (LinkFixture fx = new LinkFixture()) {
      ChildClusterWiring wiring = new ChildClusterWiring(client,
          new ChildClusterWiring.Settings("mgmt", "https://127.0.0.1:0", Duration.ofHours(1)), fx.authority, fx.tokens,
          fx.registry, fakeMover);
      try (BootstrapWebhook w = BootstrapWebhook.start(new InetSocketAddress("127.0.0.1", 0), List.of("127.0.0.1"), fx.authority,
          fx.tokens, new BootstrapWebhook.Settings("lattice-agent:test", "127.0.0.1:" + fx.cell.port(), Duration.ofHours(1)),
          wiring::bootstrapped)) {
        assertThat(wiring.reconcile("mgmt")).as("the cell's own cluster is not a child").isEmpty();
        assertThat(wiring.reconcile("edge")).hasValueSatisfying(s -> assertThat(s.step()).isEqualTo(PivotStep.PROVISIONING));
        Secret secret = client.secrets().inNamespace("capi-edge").withName("edge-bootstrap-token").get();
        assertThat(secret).isNotNull();
        String token = value(secret, "token");
        assertThat(value(secret, "endpoint")).isEqualTo("https://127.0.0.1:0");
        assertThat(value(secret, "ca.crt")).isEqualTo(fx.authority.bundlePem());
        assertThat(lc("edge").at("/status/phase").asText()).isEqualTo("Provisioning");
        wiring.reconcile("edge");
        assertThat(value(client.secrets().inNamespace("capi-edge").withName("edge-bootstrap-token").get(), "token"))
            .as("issued once").isEqualTo(token);

        client.genericKubernetesResources(CAPI).inNamespace("capi-edge").resource(new GenericKubernetesResourceBuilder()
            .withApiVersion("cluster.x-k8s.io/v1beta2").withKind("Cluster").withNewMetadata().withName("edge")
            .withNamespace("capi-edge").endMetadata().addToAdditionalProperties("status", Map.of("phase", "Provisioned")).build())
            .create();
        assertThat(step(wiring)).isEqualTo(PivotStep.AWAITING_BOOTSTRAP);
        assertThat(step(wiring)).as("no bootstrap call yet").isEqualTo(PivotStep.AWAITING_BOOTSTRAP);

        // the node's register.sh: the token of the Secret at the real webhook
        HttpResponse<String> manifests = fx.httpsTrustingTheCell().send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
            + w.port() + "/api/clusters/edge/manifests")).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(manifests.statusCode()).isEqualTo(200);
        assertThat(lc("edge").at("/status/bootstrapComplete").asBoolean()).isTrue();
        assertThat(step(wiring)).isEqualTo(PivotStep.AWAITING_AGENT);
        assertThat(step(wiring)).as("no agent yet").isEqualTo(PivotStep.AWAITING_AGENT);

        fx.agent(fx.enroll("edge"), c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true)
            .putDetails("present", String.valueOf(childObjects.contains(c.getConfirmPivot().getCapiNamespace() + "/Cluster/edge")))
            .build(), Duration.ofHours(1));
        await("agent connected", () -> fx.registry.connectedCount() == 1);
        assertThat(wiring.reconcile("edge")).hasValue(new PivotState(PivotStep.MOVING, true, 0));
        assertThat(moves).hasValue(1);
        assertThat(lc("edge").at("/metadata/annotations").get(ChildClusterWiring.PIVOT_ANNOTATION).asText())
            .isEqualTo("{\"step\":\"MOVING\",\"moveComplete\":true,\"confirmations\":0}");
        assertThat(lc("edge").at("/status/phase").asText()).isEqualTo("Pivoting");
        assertThat(step(wiring)).isEqualTo(PivotStep.AWAITING_CONFIRMATION);
        await("confirmed", () -> fx.registry.session("edge").resultOf("confirm-pivot-edge-1").isPresent());

        // a restarted cell: a new wiring reads the state back from the annotation and never moves again
        ChildClusterWiring restarted = new ChildClusterWiring(client,
            new ChildClusterWiring.Settings("mgmt", "https://127.0.0.1:0", Duration.ofHours(1)), fx.authority, fx.tokens,
            fx.registry, fakeMover);
        assertThat(step(restarted)).isEqualTo(PivotStep.PIVOTED);
        assertThat(lc("edge").at("/status/pivotComplete").asBoolean()).isTrue();
        assertThat(step(restarted)).as("the agent reports Ready").isEqualTo(PivotStep.READY);
        assertThat(lc("edge").at("/status/phase").asText()).isEqualTo("Ready");
        assertThat(moves).hasValue(1);

        restarted.reconcile("mgmt");
        JsonNode health = lc("mgmt").at("/status/childrenHealth/edge");
        assertThat(health.path("agentState").asText()).isEqualTo("Ready");
        assertThat(health.path("readyNodes").asInt()).isEqualTo(3);
        assertThat(health.path("totalControlPlane").asInt()).isEqualTo(1);
        assertThat(health.path("lastHeartbeat").asText()).isNotBlank();
        assertThat(lc("mgmt").at("/status/childrenHealth").size()).isEqualTo(1);
      }
    }
  }

  private static PivotStep step(ChildClusterWiring w) throws Exception {
    Optional<PivotState> s = w.reconcile("edge");
    assertThat(s).isPresent();
    return s.get().step();
  }

  private static String value(Secret s, String key) {
    if (s.getStringData() != null && s.getStringData().containsKey(key)) {
      return s.getStringData().get(key);
    }
    return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
  }
}
