package dev.lattice.runtime.link.bootstrap;

import static dev.lattice.runtime.link.LinkFixture.ENROLL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.TestPaths;
import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.agent.AgentIdentity;
import dev.lattice.runtime.link.agent.Enrolment;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap webhook over HTTPS on 127.0.0.1: token cases, the manifests, and the chain to enrolment. */
class BootstrapWebhookTest {
  private LinkFixture f;
  private BootstrapWebhook webhook;
  private final List<String> bootstrapped = new CopyOnWriteArrayList<>();
  private HttpClient http;

  @BeforeEach
  void start() throws Exception {
    f = new LinkFixture();
    webhook = BootstrapWebhook.start(new InetSocketAddress("127.0.0.1", 0), List.of("127.0.0.1"), f.authority, f.tokens,
        new BootstrapWebhook.Settings("lattice-agent:0.1.0", "127.0.0.1:" + f.cell.port(), Duration.ofHours(1)),
        bootstrapped::add);
    http = f.httpsTrustingTheCell();
  }

  @AfterEach
  void stop() {
    webhook.close();
    f.close();
  }

  private HttpResponse<String> get(String cluster, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + webhook.port()
        + "/api/clusters/" + cluster + "/manifests")).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aValidTokenGetsManifestsOnceAndTheirTokenEnrolsTheAgent(@TempDir Path dir) throws Exception {
    String token = f.tokens.issue("edge", BootstrapWebhook.PURPOSE, Duration.ofMinutes(10));
    HttpResponse<String> ok = get("edge", token);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(bootstrapped).containsExactly("edge");
    assertThat(webhook.bootstrapped()).isEqualTo(Set.of("edge"));
    String yaml = ok.body();
    assertThat(yaml).contains("kind: Deployment", "kind: ClusterRoleBinding", "BEGIN CERTIFICATE",
        "cell: 127.0.0.1:" + f.cell.port());
    Files.writeString(dir.resolve("agent.yaml"), yaml);
    assertThat(TestPaths.validate(dir.toString())).contains("7 passed, 0 failed");

    HttpResponse<String> again = get("edge", token);
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.body()).contains("already used");

    Matcher m = Pattern.compile("token: \"?(lbt_[A-Za-z0-9_-]+)").matcher(yaml);
    assertThat(m.find()).isTrue();
    AgentIdentity id = Enrolment.enroll("127.0.0.1", f.cell.port(), f.authority.certificate(), "edge", m.group(1), "test");
    assertThat(id.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=edge");
  }

  @Test
  void missingWrongForeignAndExpiredTokensAreRefused() throws Exception {
    assertThat(get("edge", null).statusCode()).isEqualTo(401);
    assertThat(get("edge", "lbt_wrong").body()).contains("not recognised");
    String other = f.tokens.issue("backend", BootstrapWebhook.PURPOSE, Duration.ofMinutes(10));
    assertThat(get("edge", other).statusCode()).isEqualTo(403);
    String enrolOnly = f.tokens.issue("edge", ENROLL, Duration.ofMinutes(10));
    assertThat(get("edge", enrolOnly).statusCode()).as("an enrolment token is not a bootstrap token").isEqualTo(401);
    String late = f.tokens.issue("edge", BootstrapWebhook.PURPOSE, Duration.ofMinutes(10));
    f.clock.advance(Duration.ofMinutes(11));
    HttpResponse<String> expired = get("edge", late);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("expired");
    assertThat(get("Not_A_Cluster", late).statusCode()).isEqualTo(404);
    assertThat(bootstrapped).isEmpty();
  }
}
