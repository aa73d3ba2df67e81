/** Explanations of reachability between two members, backed by the policy simulator. */
package dev.lattice.testkit.explain;
