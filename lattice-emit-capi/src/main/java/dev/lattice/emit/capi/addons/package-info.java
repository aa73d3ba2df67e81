/**
 * Add-ons: the software Lattice installs inside a cluster it creates, as Flux {@code
 * HelmRepository} + {@code HelmRelease} documents, and their delivery to the new cluster through a
 * Cluster API {@code ClusterResourceSet}.
 *
 * <p>Stages: the cluster's flags ({@code services}, {@code gpu}, {@code monitoring}, {@code
 * backups}) and Cilium toggles become an {@link dev.lattice.emit.capi.addons.AddonSelection} and
 * {@link dev.lattice.emit.capi.addons.CiliumOptions}; {@code ReleasePlanner} turns them into
 * releases (chart, target namespace, values, {@code dependsOn}); {@code FluxDocuments} renders those;
 * {@link dev.lattice.emit.capi.addons.Addons} groups them into ConfigMaps a {@code
 * ClusterResourceSet} applies. Chart versions come only from {@code versions.yaml} beside this
 * package on the classpath ({@code VersionMatrix}).
 */
package dev.lattice.emit.capi.addons;
