package dev.lattice.compiler.plan;

import java.util.List;

/**
 * A target port of a member reachable from outside the mesh, and the way in that opens it. Every way
 * in carries plaintext (no SPIFFE identity), so in the ambient mesh it also needs the port to accept
 * plaintext (a port-level PERMISSIVE PeerAuthentication) and an ALLOW rule without principals.
 *
 * @param targetPort the container port
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
 */
public record Opening(int targetPort, String protocol, Way way) {

  /** How traffic from outside the mesh arrives. */
  public enum Way {
    /**
     * {@code serviceType: LoadBalancer}: clients outside the cluster, seen by Cilium as {@code world}
     * when the node that receives them runs the pod (and always in tunnelling mode), else as
     * {@code remote-node} after the hop to the pod's node
     * (https://docs.cilium.io/en/latest/security/policy/caveats/); {@code host} when kube-proxy,
     * not Cilium, SNATs them to the node.
     */
    LOAD_BALANCER(List.of("host", "remote-node", "world")),
    /** {@code serviceType: NodePort}: as a load balancer's clients, arriving at a node's port. */
    NODE_PORT(List.of("host", "remote-node", "world")),
    /** A mesh member's {@code peerAuth: Permissive} port: plaintext clients outside the cluster. */
    PERMISSIVE(List.of("host", "remote-node", "world")),
    /**
     * A mesh member's {@code peerAuth: Webhook} port: the API server calls it, from its own pod or
     * from a control-plane node's network ({@code kube-apiserver}, {@code remote-node}, {@code host}).
     */
    WEBHOOK(List.of("host", "kube-apiserver", "remote-node"));

    private final List<String> entities;

    Way(List<String> entities) {
      this.entities = entities;
    }

    /** The Cilium entities this way's traffic comes from, sorted. */
    public List<String> entities() {
      return entities;
    }
  }
}
