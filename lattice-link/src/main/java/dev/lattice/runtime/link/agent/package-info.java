/**
 * The agent's side of the link: enrolment (token + CSR → certificate), the long-lived stream with
 * heartbeats, idempotent command execution whose results outlive a reconnect, and reconnection with
 * exponential backoff and seeded jitter.
 */
package dev.lattice.runtime.link.agent;
