/**
 * {@code lattice install --config FILE}: a management cluster that manages itself, made with the real
 * {@code kind}, {@code clusterctl} and {@code kubectl} found on PATH ({@link ManagementInstall}).
 */
package dev.lattice.runtime.install.management;
