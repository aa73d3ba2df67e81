/**
 * What the clusters Lattice builds run besides the services: the add-ons and controllers, and the
 * namespaces they live in. The one list both the cluster emitter (which installs them) and the
 * policy emitters (whose default deny must leave them alone) read.
 */
package dev.lattice.compiler.platform;
