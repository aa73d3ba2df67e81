/**
 * Offline, strict validation of Kubernetes documents against the bundled upstream JSON Schemas,
 * with the apiserver's own semantics where JSON Schema has none (unknown fields, int-or-string,
 * embedded resources, list types, object names and labels, YAML 1.1 scalars). The entry point is
 * {@link dev.lattice.conformance.KubernetesValidator}; the schemas and their provenance
 * ({@code MANIFEST.tsv}) are resources under {@code dev/lattice/conformance/schemas}.
 */
package dev.lattice.conformance;
