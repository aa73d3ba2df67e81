package dev.lattice.runtime.link.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.lattice.runtime.link.proto.ApiProxyResponse;

/**
 * A Kubernetes {@code Status} failure body, so that kubectl, fabric8 and clusterctl show the proxy's
 * own refusals (bad path, too large, agent gone, timeout) with their message.
 */
final class KubernetesStatus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KubernetesStatus() {}

  /** The JSON of a failure {@code Status} with this code, reason and message. */
  public static byte[] json(int code, String reason, String message) {
    ObjectNode s = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
    try {
      return JSON.writeValueAsBytes(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An {@link ApiProxyResponse} answering request {@code id} with that failure. */
  public static ApiProxyResponse response(String id, int code, String reason, String message) {
    return ApiProxyResponse.newBuilder().setRequestId(id).setStatus(code).putHeaders("Content-Type", "application/json")
        .setBody(ByteString.copyFrom(json(code, reason, message))).build();
  }
}
