/** The spec of {@code LatticeJob} and its lowering to one service-shaped workload per task. */
package dev.lattice.model.job;
