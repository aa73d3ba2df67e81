package dev.lattice.runtime.install;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@code lattice install-manifests --cell NAME} hosts the cell in the controller: the cell's own
 * LatticeCluster {@code cluster}, the ports the AgentLink gRPC server and the bootstrap endpoint listen
 * on (the defaults of {@code spec.parentConfig}: 50051 and 8443), the type of the Service in front of
 * them, and the PersistentVolumeClaim that keeps {@code --cell-data} (the CA, tokens and pivot state)
 * across restarts and leader changes.
 */
public record CellInstall(String cluster, int grpcPort, int bootstrapPort, String serviceType, String storage,
    Optional<String> storageClass) {
  /** Where the PersistentVolumeClaim is mounted; the controller's {@code --cell-data}. */
  public static final String DATA_PATH = "/var/lib/lattice/cell";

  public CellInstall {
    Objects.requireNonNull(cluster, "cluster");
    if (!java.util.Set.of("ClusterIP", "NodePort", "LoadBalancer").contains(serviceType)) {
      throw new IllegalArgumentException("the cell's Service type is ClusterIP, NodePort or LoadBalancer, not " + serviceType);
    }
  }

  /** The defaults for the cell {@code cluster}: ports 50051 and 8443, a LoadBalancer, 1Gi of the default storage class. */
  public static CellInstall of(String cluster) {
    return new CellInstall(cluster, 50051, 8443, "LoadBalancer", "1Gi", Optional.empty());
  }

  public CellInstall withServiceType(String type) {
    return new CellInstall(cluster, grpcPort, bootstrapPort, type, storage, storageClass);
  }

  public CellInstall withStorage(String size, Optional<String> storageClassName) {
    return new CellInstall(cluster, grpcPort, bootstrapPort, serviceType, size, storageClassName);
  }
}
