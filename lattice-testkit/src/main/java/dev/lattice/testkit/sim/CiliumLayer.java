package dev.lattice.testkit.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Cilium's decision for one direction at one endpoint, in the agent's default enforcement mode:
 * a matching deny rule of any selecting policy drops; otherwise an endpoint that no selecting
 * policy puts into default deny for this direction lets everything through; otherwise some
 * selecting policy must have a matching allow rule.
 */
final class CiliumLayer {

  /** One direction's answer. */
  record Decision(boolean allowed, List<String> documents, String reason) {}

  private final List<CiliumPolicy> policies;

  CiliumLayer(List<CiliumPolicy> policies) {
    this.policies = List.copyOf(policies);
  }

  /**
   * Decides whether {@code endpoint} lets traffic with {@code remote} through in one direction.
   *
   * @param endpoint the pod whose policies are evaluated
   * @param remote the other side (the source on ingress, the destination on egress)
   * @param port the destination port on the wire
   */
  Decision decide(Peer endpoint, Peer remote, int port, boolean ingress) {
    String dir = ingress ? "ingress" : "egress";
    String flow = (ingress ? "from " : "to ") + remote + " on port " + port;
    List<String> denying = new ArrayList<>();
    List<String> allowing = new ArrayList<>();
    List<String> defaultDeny = new ArrayList<>();
    for (CiliumPolicy policy : policies) {
      if (!policy.selects(endpoint)) {
        continue;
      }
      CiliumPolicy.Direction d = policy.direction(ingress);
      if (d.deny().stream().anyMatch(r -> r.matches(remote, port))) {
        denying.add(policy.id());
      }
      if (d.allow().stream().anyMatch(r -> r.matches(remote, port))) {
        allowing.add(policy.id());
      }
      if (d.defaultDeny()) {
        defaultDeny.add(policy.id());
      }
    }
    if (!denying.isEmpty()) {
      return new Decision(false, denying,
          dir + "Deny at " + endpoint + " matches " + flow + " (deny wins)");
    }
    if (defaultDeny.isEmpty()) {
      return new Decision(true, List.of(),
          endpoint + " is not in default deny for " + dir + ", so " + flow + " is allowed");
    }
    if (!allowing.isEmpty()) {
      return new Decision(true, allowing, dir + " at " + endpoint + " allows " + flow);
    }
    return new Decision(false, defaultDeny, endpoint + " is in default deny for " + dir
        + " and no " + dir + " rule allows " + flow);
  }
}
