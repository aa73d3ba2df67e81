package dev.lattice.runtime.link.pivot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.DocumentWriter;
import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.pivot.ClusterctlMover;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proxy.ChildApiProxies;
import dev.lattice.runtime.link.proxy.KubernetesApiProxy;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterctl move} through the link: the child's side is the kubeconfig of the cell's local
 * API proxy. A fake {@code clusterctl} records its arguments; the recorded kubeconfig then reaches
 * the child's API server (fabric8's CRUD mock) through a real cell and agent.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class ClusterctlMoverTest {
  static KubernetesClient client;

  @TempDir
  Path tmp;

  @Test
  void thePivotGivesClusterctlTheChildsProxyKubeconfigWhichReachesTheChildThroughTheLink() throws Exception {
    try (LinkFixture fx = new LinkFixture();
        ChildApiProxies proxies = new ChildApiProxies(fx.registry, tmp.resolve("proxies"), Duration.ofSeconds(10))) {
      fx.agent(fx.enroll("edge"), c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).build(),
          Duration.ofSeconds(5)).serveApiProxy(new KubernetesApiProxy(client, KubernetesApiProxy.MAX_BODY));
      LinkFixture.await("connected", () -> fx.registry.connectedCount() == 1);
      Path kubeconfig = tmp.resolve("proxies/edge.kubeconfig");
      ClusterctlMover m = ClusterctlMover.pivot(proxies, 1);

      assertThat(m.command("edge", "capi-edge")).containsExactly("clusterctl", "move", "--namespace", "capi-edge",
          "--to-kubeconfig", kubeconfig.toString());
      String yaml = Files.readString(kubeconfig);
      JsonNode k = DocumentWriter.yamlMapper().readTree(yaml);
      assertThat(k.at("/clusters/0/cluster/server").asText()).isEqualTo(proxies.proxy("edge").orElseThrow().uri().toString())
          .matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(k.at("/users/0/user").size()).isZero();
      assertThat(yaml).doesNotContain("token", "client-key", "client-certificate", "password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig))).isEqualTo("rw-------");
      assertThat(m.command("edge", "capi-edge")).as("the running proxy is reused").contains(kubeconfig.toString());

      Path args = tmp.resolve("args");
      Path fake = script("fake-clusterctl", "printf '%s\\n' \"$@\" > " + args + "\n");
      m.withExecutable(fake.toString()).move("edge", "capi-edge");
      assertThat(Files.readAllLines(args)).containsExactly("move", "--namespace", "capi-edge", "--to-kubeconfig", kubeconfig.toString());

      // what clusterctl would do with it: write the CAPI objects into the child, through the tunnel
      try (KubernetesClient child = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
        child.configMaps().inNamespace("capi-edge").resource(new ConfigMapBuilder().withNewMetadata().withName("moved")
            .endMetadata().build()).create();
      }
      assertThat(client.configMaps().inNamespace("capi-edge").withName("moved").get()).isNotNull();

      Path failing = script("failing-clusterctl", "echo 'Error: no CAPI objects in capi-edge' >&2\nexit 3\n");
      assertThatThrownBy(() -> m.withExecutable(failing.toString()).move("edge", "capi-edge"))
          .hasMessage("clusterctl move failed (3): Error: no CAPI objects in capi-edge");

      proxies.stop("edge");
      assertThat(proxies.proxy("edge")).isEmpty();
    }
  }

  @Test
  void theUnpivotReadsFromTheChildsProxyKubeconfigAndWritesIntoTheParent() throws Exception {
    try (LinkFixture fx = new LinkFixture();
        ChildApiProxies proxies = new ChildApiProxies(fx.registry, tmp, Duration.ofSeconds(10))) {
      Path parent = tmp.resolve("cell.kubeconfig");
      ClusterctlMover m = ClusterctlMover.unpivot(proxies, parent, 1);
      assertThat(m.command("edge", "capi-edge")).containsExactly("clusterctl", "move", "--kubeconfig",
          tmp.resolve("edge.kubeconfig").toString(), "--namespace", "capi-edge", "--to-kubeconfig", parent.toString());
      JsonNode k = DocumentWriter.yamlMapper().readTree(tmp.resolve("edge.kubeconfig").toFile());
      assertThat(k.at("/clusters/0/cluster/server").asText()).isEqualTo(proxies.proxy("edge").orElseThrow().uri().toString());
      assertThat(k.at("/contexts/0/context/cluster").asText()).isEqualTo("edge");
      assertThat(List.of(k.at("/current-context").asText())).containsExactly("edge");
    }
  }

  private Path script(String name, String body) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }
}
