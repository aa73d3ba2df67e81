package dev.lattice.cli;

/** LatticeCluster files for repository tests: Docker clusters, cells or not, with one or two pools. */
final class GitopsClusters {
  private GitopsClusters() {}

  static String cluster(String name, boolean cell, String version, int pools) {
    StringBuilder sb = new StringBuilder();
    sb.append("# cluster ").append(name).append(" for a repository test\n")
        .append("apiVersion: lattice.dev/v1alpha1\nkind: LatticeCluster\nmetadata:\n  name: ").append(name).append('\n')
        .append("spec:\n  providerRef: docker\n  provider:\n    kubernetes:\n      version: \"").append(version).append("\"\n")
        .append("    config:\n      docker: {}\n  nodes:\n    controlPlane:\n      replicas: 1\n    workerPools:\n")
        .append("      default:\n        replicas: 1  # workers\n");
    if (pools > 1) {
      sb.append("      gpu:\n        replicas: 1\n");
    }
    if (cell) {
      sb.append("  parentConfig:\n    grpcPort: 50051\n    bootstrapPort: 8443\n    proxyPort: 8081\n");
    }
    return sb.toString();
  }
}
