/**
 * The Cluster API emitter: {@code LatticeCluster} + {@code CloudProvider} → the CAPI documents a
 * management cluster needs to create the cluster.
 *
 * <p>Naming conventions (all names ≤ 63 characters; a longer name keeps its head and ends in an
 * 8-hex SHA-256 of the full name):
 * <ul>
 *   <li>every CAPI object of cluster {@code c} lives in namespace {@code capi-c} and is labelled
 *       {@code cluster.x-k8s.io/cluster-name: c};
 *   <li>{@code Cluster} and the infrastructure cluster ({@code DockerCluster}, {@code AWSCluster},
 *       {@code ProxmoxCluster}, {@code OpenStackCluster}): {@code c};
 *   <li>control plane ({@code KubeadmControlPlane} / {@code RKE2ControlPlane}) and its {@code
 *       MachineHealthCheck}: {@code c-control-plane};
 *   <li>{@code MachineDeployment} and {@code MachineHealthCheck} of pool {@code p}: {@code c-pool-p};
 *   <li>machine templates and bootstrap config templates are immutable in CAPI, so they are named by
 *       content: {@code c-control-plane-<hash>}, {@code c-pool-p-<hash>}, where {@code <hash>} is 8
 *       hex of the SHA-256 of the template's {@code spec}; a changed spec is a new template and a
 *       rollout, never an in-place edit;
 *   <li>the one-time bootstrap token Secret the runtime creates: {@code c-bootstrap-token} (keys
 *       {@code token}, {@code endpoint}, {@code ca.crt}; see {@code ParentRegistration});
 *   <li>a cell's Service and ConfigMap: {@code lattice-system/lattice-cell};
 *   <li>the add-ons: ClusterResourceSet {@code c-addons} and ConfigMaps {@code c-addons-<group>}
 *       (package {@code addons});
 *   <li>topology form ({@code TopologyEmission}): {@code ClusterClass} {@code c}, the cluster and
 *       control-plane templates {@code c-<hash>} and {@code c-control-plane-<hash>}, worker classes
 *       named after their pools.
 * </ul>
 *
 * <p>Bootstrap providers: kubeadm, RKE2 and Talos ({@code BootstrapProvider}).
 */
package dev.lattice.emit.capi;
