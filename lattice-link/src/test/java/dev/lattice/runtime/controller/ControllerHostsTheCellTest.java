package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.wiring.CellControllerCommand;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lattice controller --cell-grpc … --cell-bootstrap … --cell-data … --cell-cluster mgmt} on the
 * CRUD mock: one process runs the controller and the cell; a compiled child gets its bootstrap Secret
 * with the endpoint of the cell's {@code spec.parentConfig}, the node's call at the hosted webhook
 * sets {@code bootstrapComplete}, and stopping the command closes the cell's ports.
 */
class ControllerHostsTheCellTest extends ControllerTestSupport {
  @TempDir
  Path tmp;

  @Test
  @Timeout(120)
  void theControllerHostsTheCellAndItsWebhookCompletesTheBootstrap() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    Path data = Files.createDirectories(tmp.resolve("cell")); // as a new, empty PVC: the hosted cell makes its CA there
    StringWriter out = new StringWriter();
    Future<Integer> run = thread.submit(() -> new CommandLine(new CellControllerCommand(cluster.server::createClient))
        .setOut(new PrintWriter(out, true)).execute("--apply-mode", "replace", "--coalesce-ms", "20", "--health-port", "0",
            "--metrics-port", "0", "--log-format", "text", "--cell-grpc", "127.0.0.1:0", "--cell-bootstrap", "127.0.0.1:0",
            "--cell-data", data.toString(), "--cell-cluster", "mgmt", "--cell-heartbeat-seconds", "1"));
    try {
      Path endpoint = data.resolve("endpoint");
      MockCluster.await("the cell's endpoint file", TIMEOUT, () -> Files.exists(endpoint));
      Properties p = new Properties();
      try (var r = Files.newBufferedReader(endpoint)) {
        p.load(r);
      }
      URI bootstrap = URI.create(p.getProperty("bootstrap"));
      int grpcPort = Integer.parseInt(p.getProperty("grpc").substring(p.getProperty("grpc").lastIndexOf(':') + 1));
      MockCluster.await("the cell's summary line", TIMEOUT, () -> out.toString().contains("cell: AgentLink gRPC on 127.0.0.1:" + grpcPort));

      cluster.put("apiVersion: lattice.dev/v1alpha1\nkind: CloudProvider\nmetadata:\n  name: docker\nspec:\n  type: docker\n");
      cluster.put(CellClusterHookTest.compiledCluster("mgmt",
          "  parentConfig:\n    host: 127.0.0.1\n    bootstrapPort: " + bootstrap.getPort() + "\n"));
      cluster.put(CellClusterHookTest.compiledCluster("edge", ""));

      MockCluster.await("the bootstrap Secret", TIMEOUT,
          () -> cluster.client.secrets().inNamespace("capi-edge").withName("edge-bootstrap-token").get() != null);
      Secret secret = cluster.client.secrets().inNamespace("capi-edge").withName("edge-bootstrap-token").get();
      assertThat(value(secret, "endpoint")).isEqualTo("https://127.0.0.1:" + bootstrap.getPort());
      assertThat(value(secret, "ca.crt")).isEqualTo(Files.readString(data.resolve("ca.crt")));

      // the child's first node (register.sh): the Secret's token at the Secret's endpoint, trusting the Secret's CA
      HttpResponse<String> manifests = https(value(secret, "ca.crt")).send(HttpRequest.newBuilder(
          URI.create(value(secret, "endpoint") + "/api/clusters/edge/manifests"))
          .header("Authorization", "Bearer " + value(secret, "token")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(manifests.statusCode()).isEqualTo(200);
      MockCluster.await("bootstrapComplete", TIMEOUT, () -> Serialization.jsonMapper()
          .valueToTree(cluster.get("LatticeCluster", null, "edge")).at("/status/bootstrapComplete").asBoolean());
      assertThat(out.toString()).contains("cell: bootstrap callback from edge");

      run.cancel(true); // as SIGTERM: the command returns and closes the controller and the cell
      thread.shutdown();
      assertThat(thread.awaitTermination(30, TimeUnit.SECONDS)).as("the command stopped").isTrue();
      // the listeners close as the command returns; under load the kernel may take a moment to refuse
      MockCluster.await("gRPC closed", TIMEOUT, () -> !listening(grpcPort));
      MockCluster.await("bootstrap closed", TIMEOUT, () -> !listening(bootstrap.getPort()));
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void cellOptionsNeedTheirCompanions() {
    StringWriter err = new StringWriter();
    int code = new CommandLine(new CellControllerCommand(cluster.server::createClient)).setErr(new PrintWriter(err, true))
        .execute("--cell-grpc", "127.0.0.1:0", "--health-port", "0", "--metrics-port", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--cell-grpc needs --cell-data DIR and --cell-cluster NAME");
    code = new CommandLine(new CellControllerCommand(cluster.server::createClient)).setErr(new PrintWriter(err, true))
        .execute("--cell-data", tmp.toString(), "--health-port", "0", "--metrics-port", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("the --cell-* options need --cell-grpc HOST:PORT");
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static HttpClient https(String caPem) throws Exception {
    return LinkFixture.httpsTrusting((X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
  }

  private static String value(Secret s, String key) {
    if (s.getStringData() != null && s.getStringData().containsKey(key)) {
      return s.getStringData().get(key);
    }
    return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
  }
}
