/** The emitter service-provider interface: plans in, typed documents out. */
package dev.lattice.compiler.spi;
