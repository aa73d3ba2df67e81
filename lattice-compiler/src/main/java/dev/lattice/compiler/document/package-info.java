/** Emitted documents, the small typed API that builds them, and the one writer that serialises them. */
package dev.lattice.compiler.document;
