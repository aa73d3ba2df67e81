package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.wiring.CellControllerCommand;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
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
 * Two {@code lattice controller --leader-election --cell-*} replicas on the CRUD mock, sharing one
 * {@code --cell-data} (the volume that follows the leader), every port 0: only the Lease holder
 * serves the cell; when the Lease passes to the other replica (its holder rewritten, as when the
 * leader failed to renew and the standby acquired it), the first closes its ports and the second
 * starts the cell from the data — the same CA, and a bootstrap token the first one issued is
 * redeemed at the second's endpoint.
 */
class LeaderOnlyCellTest extends ControllerTestSupport {
  private static final String LEASE_NS = "lattice-system";

  @TempDir
  Path tmp;

  @Test
  @Timeout(180)
  void onlyTheLeaseHolderServesTheCellAndTheNextLeaderResumesFromItsData() throws Exception {
    // JOSDK asks the API server whether it may use Leases before electing (a SelfSubjectRulesReview)
    cluster.server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus().withIncomplete(false)
            .withResourceRules(new ResourceRuleBuilder().withApiGroups("*").withResources("*").withVerbs("*").build())
            .withNonResourceRules().endStatus().build()).always();
    Path data = tmp.resolve("cell");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    StringWriter outA = new StringWriter();
    StringWriter outB = new StringWriter();
    try {
      Future<Integer> a = threads.submit(() -> replica("a", data, outA));
      MockCluster.await("a leads and serves the cell", TIMEOUT, () -> outA.toString().contains("this replica leads: serving the cell"));
      Properties first = endpoint(data);
      assertThat(holder()).isEqualTo("a");
      String ca = Files.readString(data.resolve("ca.crt"));
      assertThat(listening(port(first, "grpc"))).isTrue();

      Future<Integer> b = threads.submit(() -> replica("b", data, outB));
      cluster.put("apiVersion: lattice.dev/v1alpha1\nkind: CloudProvider\nmetadata:\n  name: docker\nspec:\n  type: docker\n");
      cluster.put(CellClusterHookTest.compiledCluster("mgmt", "  parentConfig:\n    host: 127.0.0.1\n    bootstrapPort: "
          + port(first, "bootstrap") + "\n"));
      cluster.put(CellClusterHookTest.compiledCluster("edge", ""));
      MockCluster.await("the bootstrap Secret (from a)", TIMEOUT,
          () -> cluster.client.secrets().inNamespace("capi-edge").withName("edge-bootstrap-token").get() != null);
      assertThat(outB.toString()).as("the standby serves nothing").doesNotContain("serving the cell");
      assertThat(holder()).isEqualTo("a");

      // the Lease passes to b: a observes the new holder and stops serving; b acquires and starts the cell
      handOverTheLeaseTo("b");
      MockCluster.await("a stops serving", TIMEOUT, () -> outA.toString().contains("stopped leading: closing the cell"));
      // the line is printed as closing starts; the ports close soon after
      MockCluster.await("a's gRPC closed", TIMEOUT, () -> !listening(port(first, "grpc")));
      MockCluster.await("a's bootstrap closed", TIMEOUT, () -> !listening(port(first, "bootstrap")));
      MockCluster.await("b leads and serves the cell", TIMEOUT, () -> outB.toString().contains("this replica leads: serving the cell"));
      Properties second = endpoint(data);
      assertThat(port(second, "grpc")).isNotEqualTo(port(first, "grpc"));
      assertThat(listening(port(second, "grpc"))).isTrue();
      assertThat(Files.readString(data.resolve("ca.crt"))).as("the same CA, read from the data").isEqualTo(ca);

      Secret secret = cluster.client.secrets().inNamespace("capi-edge").withName("edge-bootstrap-token").get();
      X509Certificate caCert = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(value(secret, "ca.crt").getBytes(StandardCharsets.US_ASCII)));
      HttpResponse<String> manifests = LinkFixture.httpsTrusting(caCert).send(HttpRequest.newBuilder(
          URI.create(second.getProperty("bootstrap") + "/api/clusters/edge/manifests"))
          .header("Authorization", "Bearer " + value(secret, "token")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(manifests.statusCode()).as("a's token, redeemed at b").isEqualTo(200);

      for (Future<Integer> f : List.of(a, b)) {
        f.cancel(true);
      }
      threads.shutdown();
      assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).as("both stopped").isTrue();
      assertThat(listening(port(second, "grpc"))).as("b's gRPC closed").isFalse();
    } finally {
      threads.shutdownNow();
    }
  }

  private int replica(String identity, Path data, StringWriter out) {
    return new CommandLine(new CellControllerCommand(cluster.server::createClient)).setOut(new PrintWriter(out, true)).execute(
        "--apply-mode", "replace", "--coalesce-ms", "20", "--health-port", "0", "--metrics-port", "0", "--log-format", "text",
        "--leader-election", "--lease-namespace", LEASE_NS, "--identity", identity, "--lease-duration-ms", "3000",
        "--lease-renew-deadline-ms", "2000", "--lease-retry-ms", "200", "--exit-when-lease-lost", "false",
        "--cell-grpc", "127.0.0.1:0", "--cell-bootstrap", "127.0.0.1:0", "--cell-data", data.toString(),
        "--cell-init", "--cell-cluster", "mgmt", "--cell-heartbeat-seconds", "1");
  }

  private String holder() {
    Lease lease = cluster.client.leases().inNamespace(LEASE_NS).withName("lattice-controller").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static Properties endpoint(Path data) throws IOException {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(data.resolve("endpoint"))) {
      p.load(r);
    }
    return p;
  }

  private static int port(Properties endpoint, String key) {
    String v = endpoint.getProperty(key);
    return key.equals("grpc") ? Integer.parseInt(v.substring(v.lastIndexOf(':') + 1)) : URI.create(v).getPort();
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String value(Secret s, String key) {
    if (s.getStringData() != null && s.getStringData().containsKey(key)) {
      return s.getStringData().get(key);
    }
    return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
  }

  /**
   * Writes another holder into the Lease. The edit is optimistic (resourceVersion), and the holder
   * renews the Lease on its own schedule, so a renewal between the read and the write is a 409:
   * read again and retry, as a replica taking over would.
   */
  private void handOverTheLeaseTo(String holder) {
    for (int attempt = 1; ; attempt++) {
      try {
        cluster.client.leases().inNamespace(LEASE_NS).withName("lattice-controller").edit(l -> {
          l.getSpec().setHolderIdentity(holder);
          l.getSpec().setRenewTime(ZonedDateTime.now());
          return l;
        });
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 20) {
          throw e;
        }
      }
    }
  }
}
