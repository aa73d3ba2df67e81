/**
 * The workload emitter. Derived names: Deployment, Service, ServiceAccount, PDB, ScaledObject,
 * Canary and VMServiceScrape are named after the service; its files ConfigMap is {@code
 * <service>-files}; owned volumes are claims {@code <service>-<resource>} (or the shared {@code id});
 * names over 63 characters follow {@link dev.lattice.document.ObjectNames}.
 */
package dev.lattice.emit.kubernetes;
