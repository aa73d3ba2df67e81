package dev.lattice.runtime.link.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.document.DocumentWriter;
import dev.lattice.runtime.install.CrdKind;
import dev.lattice.runtime.install.InstallManifests;
import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.bootstrap.BootstrapWebhook;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 9: the webhook token is spent only when the status was recorded and the manifests
 * delivered. Against fabric8's CRUD mock: while the LatticeCluster's status cannot be patched (it
 * does not exist yet) the webhook answers 503 and the token stays usable; once it can, the same
 * token gets the manifests and {@code bootstrapComplete}, and only then is it used up.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class BootstrapTokenSpentAfterStatusTest {
  static KubernetesClient client;
  private static final ResourceDefinitionContext LC = new ResourceDefinitionContext.Builder().withGroup(CrdKind.GROUP)
      .withVersion(CrdKind.VERSION).withKind("LatticeCluster").withPlural("latticeclusters").withNamespaced(false).build();

  @Test
  void aFailedStatusPatchLeavesTheTokenUsable() throws Exception {
    for (var crd : InstallManifests.crds()) {
      client.resource(DocumentWriter.toYaml(crd)).create();
    }
    try (LinkFixture fx = new LinkFixture()) {
      ChildClusterWiring wiring = new ChildClusterWiring(client,
          new ChildClusterWiring.Settings("mgmt", "https://127.0.0.1:0", Duration.ofHours(1)), fx.authority, fx.tokens,
          fx.registry, (c, ns) -> { });
      String token = fx.tokens.issue("edge", BootstrapWebhook.PURPOSE, Duration.ofHours(1));
      try (BootstrapWebhook w = BootstrapWebhook.start(new InetSocketAddress("127.0.0.1", 0), List.of("127.0.0.1"),
          fx.authority, fx.tokens, new BootstrapWebhook.Settings("lattice-agent:test", "127.0.0.1:" + fx.cell.port(),
              Duration.ofHours(1)), wiring::bootstrapped)) {
        HttpRequest get = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + w.port() + "/api/clusters/edge/manifests"))
            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> failed = fx.httpsTrustingTheCell().send(get, HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        assertThat(failed.body()).contains("the token was not used up");

        client.genericKubernetesResources(LC).resource(new GenericKubernetesResourceBuilder()
            .withApiVersion(CrdKind.GROUP + "/" + CrdKind.VERSION).withKind("LatticeCluster").withNewMetadata().withName("edge")
            .endMetadata().addToAdditionalProperties("spec", Map.of("providerRef", "docker")).build()).create();
        HttpResponse<String> ok = fx.httpsTrustingTheCell().send(get, HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Serialization.jsonMapper().valueToTree(client.genericKubernetesResources(LC).withName("edge").get())
            .at("/status/bootstrapComplete").asBoolean()).isTrue();
        LinkFixture.await("used up after delivery", () -> w.bootstrapped().contains("edge"));
        HttpResponse<String> again = fx.httpsTrustingTheCell().send(get, HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("already used");
      }
    }
  }
}
