/**
 * Small on-disk stores of the link: one file per id, written atomically. Used by the agent's result
 * journal and the cell's command book.
 */
package dev.lattice.runtime.link.store;
