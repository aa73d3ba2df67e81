/** The process around the controller: command line, health/readiness and metrics endpoints, JSON logs. */
package dev.lattice.runtime.server;
