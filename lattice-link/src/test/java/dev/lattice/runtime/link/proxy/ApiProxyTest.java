package dev.lattice.runtime.link.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.DocumentWriter;
import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.agent.ApiProxyHandler;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.proto.ApiProxyRequest;
import dev.lattice.runtime.link.proto.ApiProxyResponse;
import dev.lattice.runtime.link.proto.CommandResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kubernetes API proxy end to end: fabric8's CRUD mock server is the child's API server, a real
 * cell and agent talk over loopback mTLS, and clients on the cell's side use the local proxy.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class ApiProxyTest {
  static KubernetesMockServer server;
  static KubernetesClient client;

  private LinkFixture fx;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void cell() throws Exception {
    fx = new LinkFixture();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    fx.close();
  }

  private LinkAgent agent(String cluster, ApiProxyHandler handler) throws InterruptedException {
    LinkAgent a = fx.agent(fx.enroll(cluster), c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).build(),
        Duration.ofSeconds(5)).serveApiProxy(handler);
    LinkFixture.await("agent of " + cluster + " connected",
        () -> fx.registry.childrenHealth().get(cluster) != null && !fx.registry.childrenHealth().get(cluster).agentState().orElse("").equals("Disconnected"));
    return a;
  }

  private ApiProxyServer proxy(String cluster, Duration timeout) throws Exception {
    ApiProxyServer p = ApiProxyServer.start(fx.registry.session(cluster), timeout);
    closing.add(p);
    return p;
  }

  private HttpResponse<String> get(ApiProxyServer p, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(p.uri().resolve(path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFabric8ClientThroughTheGeneratedKubeconfigCreatesGetsListsAndDeletesAConfigMap() throws Exception {
    agent("child-a", new KubernetesApiProxy(client, KubernetesApiProxy.MAX_BODY));
    ApiProxyServer p = proxy("child-a", Duration.ofSeconds(10));
    String kubeconfig = ProxyKubeconfig.yaml("child-a", p.uri());

    JsonNode k = DocumentWriter.yamlMapper().readTree(kubeconfig);
    assertThat(k.at("/clusters/0/cluster/server").asText()).isEqualTo(p.uri().toString()).startsWith("http://127.0.0.1:");
    assertThat(k.at("/users/0/user").size()).as("no credentials in the kubeconfig").isZero();
    assertThat(k.at("/current-context").asText()).isEqualTo("child-a");

    try (KubernetesClient tunnel = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build()) {
      ConfigMap made = tunnel.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
          .withName("through-the-link").endMetadata().addToData("hello", "child").build()).create();
      assertThat(made.getMetadata().getUid()).isNotBlank();
      assertThat(client.configMaps().inNamespace("default").withName("through-the-link").get().getData())
          .as("it is in the child's API server").containsEntry("hello", "child");

      assertThat(tunnel.configMaps().inNamespace("default").withName("through-the-link").get().getData())
          .containsEntry("hello", "child");
      assertThat(tunnel.configMaps().inNamespace("default").list().getItems())
          .extracting(c -> c.getMetadata().getName()).contains("through-the-link");
      assertThat(tunnel.configMaps().inNamespace("default").withName("through-the-link").delete()).hasSize(1);
      assertThat(client.configMaps().inNamespace("default").withName("through-the-link").get()).isNull();
      assertThat(tunnel.configMaps().inNamespace("default").withName("through-the-link").get()).isNull();
    }
    assertThat(fx.registry.session("child-a").proxiedInFlight()).isZero();
  }

  @Test
  void concurrentRequestsAnsweredOutOfOrderEachGetTheirOwnAnswer() throws Exception {
    for (int i = 0; i < 24; i++) {
      client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("cm-" + i)
          .endMetadata().addToData("n", String.valueOf(i)).build()).create();
    }
    KubernetesApiProxy real = new KubernetesApiProxy(client, KubernetesApiProxy.MAX_BODY);
    Random random = new Random(11);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    agent("child-a", r -> {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      long delay;
      synchronized (random) {
        delay = random.nextInt(300);
      }
      // each answer is held back a random time, so answers come back out of order
      return real.handle(r).thenCompose(a -> CompletableFuture.supplyAsync(() -> {
        inFlight.decrementAndGet();
        return a;
      }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)));
    });
    ApiProxyServer p = proxy("child-a", Duration.ofSeconds(10));
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      answers.add(http.sendAsync(HttpRequest.newBuilder(p.uri().resolve("/api/v1/namespaces/default/configmaps/cm-" + i))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < 24; i++) {
      HttpResponse<String> r = answers.get(i).get(30, TimeUnit.SECONDS);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode cm = DocumentWriter.jsonMapper().readTree(r.body());
      assertThat(cm.at("/metadata/name").asText()).isEqualTo("cm-" + i);
      assertThat(cm.at("/data/n").asText()).isEqualTo(String.valueOf(i));
    }
    assertThat(maxInFlight.get()).as("requests were in flight together").isGreaterThan(1);
    assertThat(fx.registry.session("child-a").proxiedInFlight()).isZero();
  }

  @Test
  void noAgentIsA502AtOnceAndAStreamLostWhileWaitingIsA502Too() throws Exception {
    ApiProxyServer nobody = proxy("nobody", Duration.ofSeconds(30));
    long t0 = System.nanoTime();
    HttpResponse<String> r = get(nobody, "/api/v1/namespaces");
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.body()).contains("\"kind\":\"Status\"").contains("the agent of cluster nobody is not connected");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));

    CompletableFuture<Void> asked = new CompletableFuture<>();
    LinkAgent a = agent("child-a", req -> {
      asked.complete(null);
      return new CompletableFuture<>(); // never answers
    });
    ApiProxyServer p = proxy("child-a", Duration.ofSeconds(30));
    CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
        HttpRequest.newBuilder(p.uri().resolve("/api/v1/namespaces")).build(), HttpResponse.BodyHandlers.ofString());
    asked.get(10, TimeUnit.SECONDS);
    long t1 = System.nanoTime();
    a.close();
    HttpResponse<String> lost = waiting.get(10, TimeUnit.SECONDS);
    assertThat(lost.statusCode()).isEqualTo(502);
    assertThat(lost.body()).contains("the agent disconnected (cluster child-a)");
    assertThat(Duration.ofNanos(System.nanoTime() - t1)).as("well before the 30 s timeout").isLessThan(Duration.ofSeconds(5));
    assertThat(fx.registry.session("child-a").proxiedInFlight()).isZero();
  }

  @Test
  void anAgentThatDoesNotAnswerInTimeIsA504AndItsLateAnswerIsDropped() throws Exception {
    List<ApiProxyRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<ApiProxyResponse> late = new CompletableFuture<>();
    agent("child-a", req -> {
      seen.add(req);
      return late;
    });
    ApiProxyServer p = ApiProxyServer.start(fx.registry.session("child-a"), Duration.ofMillis(300));
    closing.add(p);
    long t0 = System.nanoTime();
    HttpResponse<String> r = get(p, "/api/v1/namespaces/default/configmaps");
    assertThat(r.statusCode()).isEqualTo(504);
    assertThat(r.body()).contains("did not answer GET /api/v1/namespaces/default/configmaps within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
    assertThat(fx.registry.session("child-a").proxiedInFlight()).isZero();
    late.complete(ApiProxyResponse.newBuilder().setRequestId(seen.get(0).getRequestId()).setStatus(200).build());
    Thread.sleep(100);
    assertThat(fx.registry.session("child-a").proxiedInFlight()).isZero();
  }

  @Test
  void theAgentRefusesAnythingButAPathOfItsOwnApiServer() throws Exception {
    KubernetesApiProxy agentSide = new KubernetesApiProxy(client, KubernetesApiProxy.MAX_BODY);
    int before = server.getRequestCount();
    Map<String, String> attempts = new java.util.LinkedHashMap<>();
    attempts.put("GET http://evil.example/api/v1", "only a path");
    attempts.put("GET https://evil.example:6443/api", "only a path");
    attempts.put("GET //evil.example/api/v1", "only a path");
    attempts.put("GET api/v1/namespaces", "only a path");
    attempts.put("GET /api/v1/../../etc/passwd", ". or ..");
    attempts.put("GET /api/v1/%2e%2e/%2E%2E/x", ". or ..");
    attempts.put("GET /api/v1/..%2f..%2fx", ". or ..");
    attempts.put("GET /api/./v1", ". or ..");
    attempts.put("GET /api\\..\\x", "character");
    attempts.put("GET /api/v1#frag", "character");
    attempts.put("GET /api/v1 HTTP/1.1\r\nHost: evil", "character");
    attempts.put("GET /api/v1/%00", "decodes");
    attempts.put("CONNECT /api/v1", "method CONNECT");
    for (var e : attempts.entrySet()) {
      String[] mp = e.getKey().split(" ", 2);
      ApiProxyResponse r = agentSide.handle(ApiProxyRequest.newBuilder().setRequestId("x").setMethod(mp[0]).setPath(mp[1]).build())
          .get(5, TimeUnit.SECONDS);
      assertThat(r.getStatus()).as(e.getKey()).isEqualTo(400);
      assertThat(r.getBody().toStringUtf8()).as(e.getKey()).contains("refused by the agent").contains(e.getValue());
    }
    assertThat(server.getRequestCount()).as("nothing reached the API server").isEqualTo(before);

    ApiProxyResponse watch = agentSide.handle(ApiProxyRequest.newBuilder().setRequestId("w").setMethod("GET")
        .setPath("/api/v1/namespaces/default/configmaps?watch=true").build()).get(5, TimeUnit.SECONDS);
    assertThat(watch.getStatus()).isEqualTo(501);
    assertThat(watch.getBody().toStringUtf8()).contains("watch is not carried");
    ApiProxyResponse ok = agentSide.handle(ApiProxyRequest.newBuilder().setRequestId("ok").setMethod("GET")
        .setPath("/api/v1/namespaces/default/configmaps?limit=5").build()).get(5, TimeUnit.SECONDS);
    assertThat(ok.getStatus()).isEqualTo(200);
    assertThat(ok.getRequestId()).isEqualTo("ok");
  }

  @Test
  void theCellsProxyRefusesRequestTargetsThatAreNotPathsAndNeverSendsThem() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    KubernetesApiProxy real = new KubernetesApiProxy(client, KubernetesApiProxy.MAX_BODY);
    agent("child-a", r -> {
      asked.incrementAndGet();
      return real.handle(r);
    });
    ApiProxyServer p = proxy("child-a", Duration.ofSeconds(10));
    for (String target : List.of("http://evil.example/api/v1/namespaces", "//evil.example/api/v1/namespaces",
        "/api/v1/../../../etc/passwd", "/api/v1/%2e%2e/%2e%2e/x")) {
      String answer = raw(p, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(target).startsWith("HTTP/1.1 400");
      assertThat(answer).as(target).contains("\"reason\":\"BadRequest\"");
    }
    assertThat(asked.get()).as("none reached the agent").isZero();
    assertThat(get(p, "/api/v1/namespaces/default/configmaps").statusCode()).isEqualTo(200);
    assertThat(asked.get()).isEqualTo(1);
  }

  @Test
  void bodiesOverTheLimitAreRefusedWithAClearError() throws Exception {
    for (int i = 0; i < 10; i++) {
      client.configMaps().inNamespace("big").resource(new ConfigMapBuilder().withNewMetadata().withName("b-" + i)
          .endMetadata().addToData("v", "x".repeat(1000)).build()).create();
    }
    agent("child-a", new KubernetesApiProxy(client, 4096));
    ApiProxyServer p = ApiProxyServer.start(fx.registry.session("child-a"), Duration.ofSeconds(10), 2048);
    closing.add(p);
    HttpResponse<String> list = get(p, "/api/v1/namespaces/big/configmaps");
    assertThat(list.statusCode()).isEqualTo(502);
    assertThat(list.body()).contains("is larger than the link's limit of 4096 bytes");
    assertThat(list.headers().firstValue("Content-Type")).as("the agent's headers are relayed").hasValue("application/json");
    assertThat(get(p, "/api/v1/namespaces/big/configmaps/b-1").statusCode()).isEqualTo(200);

    HttpResponse<String> post = http.send(HttpRequest.newBuilder(p.uri().resolve("/api/v1/namespaces/big/configmaps"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{" + " ".repeat(4000) + "}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(413);
    assertThat(post.body()).contains("larger than the link's limit of 2048 bytes");
  }

  private static String raw(ApiProxyServer p, String request) throws Exception {
    try (Socket s = new Socket(p.uri().getHost(), p.uri().getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
