/** Writing documents to a cluster: server-side apply, or create-or-replace where SSA is missing. */
package dev.lattice.runtime.apply;
