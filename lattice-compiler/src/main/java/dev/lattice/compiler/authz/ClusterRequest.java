package dev.lattice.compiler.authz;

import dev.lattice.model.LatticeCluster;

/**
 * The cluster gate's question: may {@code Lattice::CloudProvider::"<provider>"} do {@code
 * Lattice::Action::"ProvisionCluster"} to {@code Lattice::Cluster::"<cluster>"}? The cluster entity
 * carries {@code name}, {@code provider}, {@code environment} and {@code region} (the cluster's
 * top-level metadata, {@code ""} when not declared), so a policy can say {@code when {
 * resource.environment == "production" }}.
 */
public record ClusterRequest(String cluster, String provider, String environment, String region) {
  /** The action's id. */
  public static final String ACTION = "ProvisionCluster";

  public static ClusterRequest of(LatticeCluster c) {
    return new ClusterRequest(c.metadata().name(), c.spec().providerRef().orElse(""),
        c.spec().environment().orElse(""), c.spec().region().orElse(""));
  }

  public String principal() {
    return Gate.NAMESPACE + "::CloudProvider::" + quote(provider);
  }

  public String action() {
    return Gate.NAMESPACE + "::Action::" + quote(ACTION);
  }

  public String resource() {
    return Gate.NAMESPACE + "::Cluster::" + quote(cluster);
  }

  private static String quote(String id) {
    return '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  @Override
  public String toString() {
    return principal() + " " + action() + " " + resource();
  }
}
