/**
 * The cell's side of the link: the gRPC service (enrolment and the agent stream), the registry of
 * child sessions with their idempotent command books, the heartbeat monitor that marks silent
 * children unhealthy, and the server that ties them to TLS.
 */
package dev.lattice.runtime.link.cell;
