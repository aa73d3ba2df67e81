package dev.lattice.runtime.link.proxy;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lattice.runtime.link.cell.ChildSession;
import dev.lattice.runtime.link.proto.ApiProxyRequest;
import dev.lattice.runtime.link.proto.ApiProxyResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell's local HTTP proxy to one child's API server: plain HTTP on 127.0.0.1 at an ephemeral
 * port; each request becomes an {@link ApiProxyRequest} (a fresh id) on the child's stream and
 * waits for the agent's answer, at most {@code timeout} (then 504). No agent connected, or the
 * stream lost while waiting: 502 at once. A request body over {@code maxBody}: 413. A request
 * target that is not a path of the API server (absolute URL, {@code //host}, {@code ..}): 400, not
 * sent. Errors are Kubernetes {@code Status} bodies.
 *
 * <p>Why loopback and no credentials: the proxy speaks for the agent, with the agent's permissions
 * in the child. It binds 127.0.0.1 only, so only processes in the cell's own network namespace (the
 * cell's pod: the controller and the {@code clusterctl} it runs) can reach it — never another pod
 * or host; the kubeconfig pointing at it ({@link ProxyKubeconfig}) therefore holds no secret to
 * leak. It is the trust boundary: whoever can run code in the cell's pod already holds the cell's
 * CA key, which is more.
 */
public final class ApiProxyServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProxyServer.class);
  /** A request body larger than this is refused with 413 (8 MiB, like the agent's bound of answers). */
  static final int MAX_BODY = KubernetesApiProxy.MAX_BODY;
  private static final List<String> FORWARDED = List.of("Accept", "Content-Type");

  private final ChildSession child;
  private final Duration timeout;
  private final int maxBody;
  private final HttpServer server;
  private final ExecutorService workers;

  private ApiProxyServer(ChildSession child, Duration timeout, int maxBody, HttpServer server, ExecutorService workers) {
    this.child = child;
    this.timeout = timeout;
    this.maxBody = maxBody;
    this.server = server;
    this.workers = workers;
  }

  /** Starts a proxy to {@code child} on 127.0.0.1 (an ephemeral port), serving up to 16 requests at once. */
  static ApiProxyServer start(ChildSession child, Duration timeout) throws IOException {
    return start(child, timeout, MAX_BODY);
  }

  static ApiProxyServer start(ChildSession child, Duration timeout, int maxBody) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    AtomicInteger n = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "lattice-api-proxy-" + child.cluster() + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(workers);
    ApiProxyServer proxy = new ApiProxyServer(child, timeout, maxBody, server, workers);
    server.createContext("/", ex -> {
      try (ex) {
        proxy.handle(ex);
      } catch (IOException | RuntimeException e) {
        LOG.debug("link: api proxy of {}: {}", child.cluster(), e.toString());
      }
    });
    server.start();
    return proxy;
  }

  /** Where the proxy listens: {@code http://127.0.0.1:<port>}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
  }

  String cluster() {
    return child.cluster();
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    URI target = ex.getRequestURI();
    if (target.getScheme() != null || target.getRawAuthority() != null) {
      answer(ex, KubernetesStatus.response("", 400, "BadRequest",
          "the cell's API proxy takes paths of the child's API server only, not " + target));
      return;
    }
    String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    Optional<String> refusal = ApiPaths.refusal(method, path);
    if (refusal.isPresent()) {
      answer(ex, KubernetesStatus.response("", 400, "BadRequest", refusal.get()));
      return;
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(maxBody + 1);
    }
    if (body.length > maxBody) {
      answer(ex, KubernetesStatus.response("", 413, "RequestEntityTooLarge",
          "the request body is larger than the link's limit of " + maxBody + " bytes"));
      return;
    }
    ApiProxyRequest.Builder request = ApiProxyRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
        .setMethod(method).setPath(path).setBody(ByteString.copyFrom(body));
    for (String h : FORWARDED) {
      Optional.ofNullable(ex.getRequestHeaders().get(h)).ifPresent(v -> request.putHeaders(h, String.join(", ", v)));
    }
    answer(ex, send(request.build()));
  }

  private ApiProxyResponse send(ApiProxyRequest request) {
    String id = request.getRequestId();
    try {
      CompletableFuture<ApiProxyResponse> answer = child.proxy(request);
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return KubernetesStatus.response(id, 504, "Timeout", "the agent of cluster " + child.cluster()
          + " did not answer " + request.getMethod() + " " + request.getPath() + " within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return KubernetesStatus.response(id, 502, "ServiceUnavailable", String.valueOf(e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return KubernetesStatus.response(id, 502, "ServiceUnavailable", "the cell's API proxy is stopping");
    } finally {
      child.forget(id);
    }
  }

  private static void answer(HttpExchange ex, ApiProxyResponse r) throws IOException {
    r.getHeadersMap().forEach((k, v) -> {
      if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("transfer-encoding")) {
        ex.getResponseHeaders().set(k, v);
      }
    });
    byte[] body = r.getBody().toByteArray();
    boolean noBody = body.length == 0 || ex.getRequestMethod().equalsIgnoreCase("HEAD") || r.getStatus() == 204 || r.getStatus() == 304;
    ex.sendResponseHeaders(r.getStatus(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
