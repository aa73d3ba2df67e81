/**
 * The workload emitter. Derived names: Deployment, Service, ServiceAccount, PDB, ScaledObject,
 * Canary and VMServiceScrape are named after the service; its files ConfigMap is {@code
 * <service>-files}; owned volumes are claims {@code <service>-<resource>} (or the shared {@code id});
 * names over 63 characters keep their head and end in an 8-character hash of the full name.
 */
package dev.lattice.emit.kubernetes;
