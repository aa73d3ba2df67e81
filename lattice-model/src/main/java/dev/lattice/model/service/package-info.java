/** The spec of {@code LatticeService}: workload, ports, declared resources, rollout and scaling. */
package dev.lattice.model.service;
