package dev.lattice.testkit.fleet;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated fleet: its input files (name → YAML text, in the order they were generated) and the
 * ground truth the generator intended, to compare what the compiler derived against.
 *
 * @param seed the seed that reproduces it ({@code -Dlattice.seed=})
 * @param workloads every workload (services and mesh members) as the simulator sees it
 * @param agreedEdges (caller, callee) pairs where both halves were declared
 * @param externalEdges (caller, external) pairs the external service allows
 * @param externals every external service with its host and port
 * @param gatewayPorts per namespace whose services declare ingress routes, its gateway's listener ports
 */
public record Fleet(
    long seed,
    Map<String, String> files,
    List<GeneratedWorkload> workloads,
    Set<Edge> agreedEdges,
    Set<Edge> externalEdges,
    List<GeneratedExternal> externals,
    Map<String, Set<Integer>> gatewayPorts) {

  /** A directed pair of {@code namespace/name} addresses. */
  public record Edge(String from, String to) {}

  /**
   * A workload with what a policy engine needs to know about its pods.
   *
   * @param openings the target ports reachable from outside the mesh, and from where: {@code world}
   *     (a LoadBalancer or NodePort service, a Permissive port) or {@code kube-apiserver} (a Webhook port)
   * @param routedPorts the target ports its ingress routes send to, sorted
   */
  public record GeneratedWorkload(
      String namespace, String name, Map<String, String> labels, String serviceAccount, boolean ambient, List<Integer> targetPorts,
      Map<Integer, String> openings, List<Integer> routedPorts) {
    public GeneratedWorkload {
      openings = Map.copyOf(openings);
      routedPorts = List.copyOf(routedPorts);
    }

    public String address() {
      return namespace + "/" + name;
    }
  }

  /** An external destination. */
  public record GeneratedExternal(String namespace, String name, String host, int port) {
    public String address() {
      return namespace + "/" + name;
    }
  }
}
