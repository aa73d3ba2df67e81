/**
 * Diagnostics as data: stable codes, severities, positions and hints. See {@link
 * dev.lattice.model.diagnostics.Codes} for the catalogue of codes.
 */
package dev.lattice.model.diagnostics;
