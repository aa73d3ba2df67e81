package dev.lattice.model;

/** A document of one of the Lattice kinds, after reading and normalisation. */
public sealed interface LatticeObject
    permits LatticeService, LatticeExternalService, LatticeMeshMember, LatticeJob, LatticeModel, LatticeCluster, CloudProvider, CedarPolicy, LatticeQuota,
        LatticeResourceClass {

  Kind kind();

  ObjectMeta metadata();

  /** {@code namespace/name} for namespaced kinds, {@code name} for cluster-scoped ones. */
  default String qualifiedName() {
    return kind().namespaced() ? metadata().namespaceOrDefault() + "/" + metadata().name() : metadata().name();
  }
}
