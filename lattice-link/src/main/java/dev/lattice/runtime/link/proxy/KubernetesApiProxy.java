package dev.lattice.runtime.link.proxy;

import com.google.protobuf.ByteString;
import dev.lattice.runtime.link.agent.ApiProxyHandler;
import dev.lattice.runtime.link.proto.ApiProxyRequest;
import dev.lattice.runtime.link.proto.ApiProxyResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's side of the API proxy: runs a proxied request against its own cluster's API server
 * with the agent's own {@link KubernetesClient} (its HTTP client, credentials and TLS trust; the
 * cell's headers never carry credentials through: only {@code Accept} and {@code Content-Type} are
 * forwarded). The request names a path only ({@link ApiPaths}); the host is the client's master URL.
 * A response body larger than {@code maxBody} is not sent: the answer is a 502 {@code Status} saying
 * so (the protocol carries one message per response; a list can be paged with {@code ?limit=}).
 * Watches are answered 501 (a stream of events does not fit one answer).
 */
public final class KubernetesApiProxy implements ApiProxyHandler {
  /** The default bound of a response body: 8 MiB (the link's gRPC messages may be 16 MiB). */
  public static final int MAX_BODY = 8 * 1024 * 1024;
  private static final Set<String> FORWARDED = Set.of("accept");
  private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length");

  private final HttpClient http;
  private final URI base;
  private final int maxBody;

  public KubernetesApiProxy(KubernetesClient client, int maxBody) {
    this.http = client.getHttpClient();
    this.base = URI.create(client.getConfiguration().getMasterUrl());
    this.maxBody = maxBody;
  }

  @Override
  public CompletableFuture<ApiProxyResponse> handle(ApiProxyRequest r) {
    String id = r.getRequestId();
    Optional<String> refusal = ApiPaths.refusal(r.getMethod(), r.getPath());
    if (refusal.isPresent()) {
      return CompletableFuture.completedFuture(KubernetesStatus.response(id, 400, "BadRequest", "refused by the agent: " + refusal.get()));
    }
    if (ApiPaths.isWatch(r.getPath())) {
      return CompletableFuture.completedFuture(KubernetesStatus.response(id, 501, "NotImplemented",
          "watch is not carried by the link's API proxy (one answer per request)"));
    }
    HttpRequest.Builder b;
    try {
      b = http.newHttpRequestBuilder().uri(ApiPaths.resolve(base, r.getPath()));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(KubernetesStatus.response(id, 400, "BadRequest", "refused by the agent: " + e.getMessage()));
    }
    String contentType = header(r.getHeadersMap(), "content-type").orElse("application/json");
    if (r.getBody().isEmpty()) {
      b.method(r.getMethod(), contentType, (String) null);
    } else {
      b.method(r.getMethod(), contentType, new ByteArrayInputStream(r.getBody().toByteArray()), r.getBody().size());
    }
    r.getHeadersMap().forEach((k, v) -> {
      if (FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
        b.setHeader(k, v);
      }
    });
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    AtomicBoolean tooLarge = new AtomicBoolean();
    return http.consumeBytes(b.build(), (List<ByteBuffer> chunks, io.fabric8.kubernetes.client.http.AsyncBody async) -> {
      for (ByteBuffer chunk : chunks) {
        if (body.size() + chunk.remaining() > maxBody) {
          tooLarge.set(true);
          async.cancel();
          return;
        }
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        body.write(bytes, 0, bytes.length);
      }
      async.consume();
    }).thenCompose(response -> {
      response.body().consume(); // the body is pulled: ask for the first chunk
      return response.body().done().handle((v, error) -> {
      if (tooLarge.get()) {
        return KubernetesStatus.response(id, 502, "BadGateway", "the response to " + r.getMethod() + " " + r.getPath()
            + " is larger than the link's limit of " + maxBody + " bytes (page a list with ?limit=)");
      }
      if (error != null) {
        return KubernetesStatus.response(id, 502, "BadGateway", "reading the API server's response failed: " + error);
      }
      ApiProxyResponse.Builder out = ApiProxyResponse.newBuilder().setRequestId(id).setStatus(response.code())
          .setBody(ByteString.copyFrom(body.toByteArray()));
      response.headers().forEach((k, values) -> {
        if (!k.startsWith(":") && !NOT_RETURNED.contains(k.toLowerCase(Locale.ROOT))) {
          out.putHeaders(k, String.join(", ", values));
        }
      });
      return out.build();
      });
    }).exceptionally(e -> KubernetesStatus.response(id, 502, "BadGateway",
        "the agent could not reach its API server: " + rootMessage(e)));
  }

  private static Optional<String> header(Map<String, String> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
