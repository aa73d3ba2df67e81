package dev.lattice.runtime.link.agent;

import dev.lattice.runtime.link.proto.ApiProxyRequest;
import dev.lattice.runtime.link.proto.ApiProxyResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Serves one proxied Kubernetes API request inside the child (the real one:
 * {@code dev.lattice.runtime.link.proxy.KubernetesApiProxy}). Asynchronous, so that slow requests
 * neither block the stream nor each other; the answer must carry the request's id.
 */
@FunctionalInterface
public interface ApiProxyHandler {
  CompletableFuture<ApiProxyResponse> handle(ApiProxyRequest request);

  /** The handler of an agent that serves no API proxy: every request is answered 501. */
  static ApiProxyHandler none() {
    return r -> CompletableFuture.completedFuture(ApiProxyResponse.newBuilder().setRequestId(r.getRequestId())
        .setStatus(501).putHeaders("Content-Type", "text/plain")
        .setBody(com.google.protobuf.ByteString.copyFromUtf8("this agent does not serve the Kubernetes API proxy"))
        .build());
  }
}
