package dev.lattice.runtime.link.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.DocumentWriter;
import java.net.URI;

/**
 * A kubeconfig whose one cluster, context and user are named after the child and whose server is
 * the cell's local {@link ApiProxyServer}; it holds no credentials (the user is empty): the proxy on
 * loopback is the trust boundary and the agent authenticates to its own API server.
 */
final class ProxyKubeconfig {
  private ProxyKubeconfig() {}

  /** The kubeconfig YAML for {@code cluster} through the proxy at {@code server}. */
  public static String yaml(String cluster, URI server) {
    ObjectNode root = DocumentWriter.jsonMapper().createObjectNode().put("apiVersion", "v1").put("kind", "Config");
    ObjectNode c = root.putArray("clusters").addObject().put("name", cluster);
    c.putObject("cluster").put("server", server.toString());
    ObjectNode ctx = root.putArray("contexts").addObject().put("name", cluster);
    ctx.putObject("context").put("cluster", cluster).put("user", cluster);
    root.put("current-context", cluster);
    root.putArray("users").addObject().put("name", cluster).putObject("user");
    try {
      return DocumentWriter.yamlMapper().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
