/**
 * The bootstrap webhook a new child's first control-plane node calls (outbound) after kubeadm or
 * RKE2 finished: it redeems the cluster's single-use bootstrap token and answers with the agent's
 * install manifests, which carry a fresh single-use enrolment token, the CA bundle and the cell's
 * gRPC address.
 */
package dev.lattice.runtime.link.bootstrap;
