/**
 * A policy simulator: decides whether emitted CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy
 * and Istio AuthorizationPolicy and PeerAuthentication documents let one workload (or a peer
 * outside the cluster: {@code world}, a node, the API server) reach another, so that fleets can be
 * property-tested ("agreed edges = allowed edges") independently of how the documents were made.
 *
 * <p>The input is plain Jackson trees of full Kubernetes objects; nothing here depends on compiler
 * internals. {@link dev.lattice.testkit.sim.PolicySimulator} is the entry point; it answers with a
 * {@link dev.lattice.testkit.sim.Verdict} per layer:
 *
 * <ul>
 *   <li><b>L4</b> (Cilium): traffic passes iff the source's egress and the destination's ingress
 *       both allow it. An endpoint is default-allow in a direction until a policy with
 *       default-deny for that direction selects it; deny rules always win. Between two ambient
 *       workloads the bytes reach the callee on the HBONE port 15008, so that port is evaluated
 *       instead of the target port (see {@link dev.lattice.testkit.sim.SimulatorOptions}).
 *   <li><b>L7</b> (Istio ambient, enforced by the callee's ztunnel): a caller without a peer
 *       identity (outside the mesh, or from outside the cluster) is refused unless the effective
 *       PeerAuthentication leaves the port PERMISSIVE; then any matching DENY denies; a workload
 *       with no ALLOW policy is allowed; otherwise some ALLOW rule must match. Only applies when
 *       the callee is in the ambient mesh.
 * </ul>
 *
 * <p>Every simplification is listed on {@link dev.lattice.testkit.sim.PolicySimulator}.
 */
package dev.lattice.testkit.sim;
