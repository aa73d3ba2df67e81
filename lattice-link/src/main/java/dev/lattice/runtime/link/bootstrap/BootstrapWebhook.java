package dev.lattice.runtime.link.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.lattice.compiler.document.DocumentWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.runtime.link.cell.Enroller;
import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.KeyPairs;
import dev.lattice.runtime.link.pki.Pem;
import dev.lattice.runtime.link.pki.PinnedToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/clusters/<cluster>/manifests} with {@code Authorization: Bearer <token>}, over
 * HTTPS (TLS 1.3, the cell CA's server certificate). A token accepted once for that cluster answers
 * 200 with the agent's install manifests as YAML and reports the cluster to {@code onBootstrap} (the
 * runtime sets {@code bootstrapComplete}); a missing or wrong token is 401, a used or expired one
 * 401 with its reason, a token of another cluster 403 — each logged, nothing issued.
 */
public final class BootstrapWebhook implements AutoCloseable {
  public static final String PURPOSE = "bootstrap";
  private static final Logger LOG = LoggerFactory.getLogger(BootstrapWebhook.class);
  private static final Pattern PATH = Pattern.compile("^/api/clusters/([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)/(manifests|enroll)$");
  private static final int MAX_CSR_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpsServer server;
  private final Set<String> bootstrapped = ConcurrentHashMap.newKeySet();

  /** What the webhook puts into manifests. */
  public record Settings(String agentImage, String cellAddress, Duration enrolTokenTtl) {}

  private BootstrapWebhook(HttpsServer server) {
    this.server = server;
  }

  public static BootstrapWebhook start(InetSocketAddress address, List<String> hosts, CellAuthority authority,
      BootstrapTokens tokens, Settings settings, Consumer<String> onBootstrap) throws IOException {
    return start(address, hosts, new Enroller(authority, tokens, Duration.ofDays(365), (c, cert) -> { }), tokens,
        settings, onBootstrap);
  }

  /**
   * Starts the endpoint; it also serves {@code POST /api/clusters/<cluster>/enroll} (an agent's
   * enrolment over HTTPS with {@code enroller}: the body is the DER CSR, the answer JSON
   * {@code certificate}, {@code caBundle}, {@code grpc}).
   */
  public static BootstrapWebhook start(InetSocketAddress address, List<String> hosts, Enroller enroller,
      BootstrapTokens tokens, Settings settings, Consumer<String> onBootstrap) throws IOException {
    CellAuthority authority = enroller.authority();
    HttpsServer server = HttpsServer.create(address, 64);
    server.setHttpsConfigurator(new HttpsConfigurator(sslContext(authority, hosts)));
    BootstrapWebhook webhook = new BootstrapWebhook(server);
    server.createContext("/api/clusters/", ex -> {
      try (ex) {
        webhook.handle(ex, tokens, enroller, settings, onBootstrap);
      }
    });
    server.start();
    return webhook;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Clusters whose bootstrap call succeeded. */
  public Set<String> bootstrapped() {
    return Set.copyOf(bootstrapped);
  }

  private void handle(HttpExchange ex, BootstrapTokens tokens, Enroller enroller, Settings settings,
      Consumer<String> onBootstrap) throws IOException {
    Matcher m = PATH.matcher(ex.getRequestURI().getPath());
    boolean enroll = m.matches() && m.group(3).equals("enroll");
    if (!m.matches() || !ex.getRequestMethod().equals(enroll ? "POST" : "GET")) {
      reply(ex, 404, "not found\n");
      return;
    }
    String cluster = m.group(1);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : "";
    if (enroll) {
      enroll(ex, enroller, settings, cluster, token);
      return;
    }
    CellAuthority authority = enroller.authority();
    BootstrapTokens.Redemption r = tokens.redeem(cluster, PURPOSE, PinnedToken.parse(token).secret());
    if (r != BootstrapTokens.Redemption.ACCEPTED) {
      LOG.warn("link: bootstrap of cluster {} refused: {}", cluster, r.message());
      reply(ex, r == BootstrapTokens.Redemption.WRONG_CLUSTER ? 403 : 401, r.message() + "\n");
      return;
    }
    String enrol = tokens.issue(cluster, "enroll", settings.enrolTokenTtl());
    String yaml = DocumentWriter.toYaml(AgentManifests.of(new AgentManifests.Inputs(cluster, settings.agentImage(),
        settings.cellAddress(), authority.bundlePem(), enrol)));
    bootstrapped.add(cluster);
    onBootstrap.accept(cluster);
    LOG.info("link: cluster {} bootstrapped; agent manifests sent", cluster);
    ex.getResponseHeaders().set("Content-Type", "application/yaml");
    reply(ex, 200, yaml);
  }

  private static void enroll(HttpExchange ex, Enroller enroller, Settings settings, String cluster, String token)
      throws IOException {
    byte[] csr;
    try (InputStream in = ex.getRequestBody()) {
      csr = in.readNBytes(MAX_CSR_BYTES + 1);
    }
    if (csr.length > MAX_CSR_BYTES) {
      reply(ex, 413, "certificate request too large\n");
      return;
    }
    Enroller.Outcome o = enroller.enroll(cluster, token, csr);
    if (o.refusal().isPresent()) {
      int status = switch (o.refusal().get()) {
        case WRONG_CLUSTER -> 403;
        case TOKEN -> 401;
        case BAD_REQUEST -> 400;
      };
      reply(ex, status, o.message() + "\n");
      return;
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("certificate", Pem.certificate(o.certificate().get()));
    body.put("caBundle", enroller.authority().bundlePem());
    body.put("grpc", settings.cellAddress());
    ex.getResponseHeaders().set("Content-Type", "application/json");
    reply(ex, 200, JSON.writeValueAsString(body));
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static SSLContext sslContext(CellAuthority authority, List<String> hosts) {
    try {
      KeyPair pair = KeyPairs.p256();
      var cert = authority.issueServer(pair.getPublic(), hosts, Duration.ofDays(365));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] pw = new char[0];
      ks.setKeyEntry("cell", pair.getPrivate(), pw, new Certificate[] {cert, authority.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pw);
      SSLContext ctx = SSLContext.getInstance("TLSv1.3");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the webhook's TLS context", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
