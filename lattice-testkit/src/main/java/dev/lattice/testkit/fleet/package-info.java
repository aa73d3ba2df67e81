/**
 * Seeded fleet generation for property tests and benchmarks: {@link
 * dev.lattice.testkit.fleet.FleetGenerator#generate} returns input files in all accepted forms and
 * the agreements the generator intended.
 */
package dev.lattice.testkit.fleet;
