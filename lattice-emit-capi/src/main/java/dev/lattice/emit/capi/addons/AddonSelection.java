package dev.lattice.emit.capi.addons;

import dev.lattice.model.cluster.LatticeClusterSpec;

/**
 * Which add-on groups a cluster gets, from its flags. Defaults: {@code services} (the Istio ambient
 * mesh) and {@code monitoring} are on unless disabled, and monitoring is highly available unless
 * {@code ha: false}; {@code gpu} is off unless {@code gpu: true}; {@code backups} is on unless
 * disabled, as the seed's LatticeCluster reference says; Velero's storage location comes from the
 * optional site ConfigMap {@code lattice-velero-values}. Cilium is always
 * installed: it is the cluster's CNI.
 */
public record AddonSelection(boolean services, boolean gpu, boolean monitoring, boolean monitoringHa, boolean backups) {

  public static AddonSelection of(LatticeClusterSpec spec) {
    boolean monitoring = spec.monitoring().map(LatticeClusterSpec.AddonSpec::isEnabled).orElse(true);
    boolean ha = spec.monitoring().flatMap(LatticeClusterSpec.AddonSpec::ha).orElse(true);
    return new AddonSelection(
        spec.services().orElse(true),
        spec.gpu().orElse(false),
        monitoring,
        monitoring && ha,
        spec.backups().map(LatticeClusterSpec.AddonSpec::isEnabled).orElse(true));
  }
}
