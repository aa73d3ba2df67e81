/**
 * Emitted documents, the one writer that serialises them, and the naming scheme: a {@link
 * dev.lattice.document.Document} is built from a Jackson draft through {@link
 * dev.lattice.document.Json} and frozen into a compact {@link dev.lattice.document.Value} when it is
 * made; {@link dev.lattice.document.DocumentWriter} writes it as YAML (byte for byte as Jackson's YAML
 * mapper, several times faster) or as JSON lines. Depends on Jackson alone, so emitters, the runtime
 * and the command line can share documents without the compiler.
 */
package dev.lattice.document;
