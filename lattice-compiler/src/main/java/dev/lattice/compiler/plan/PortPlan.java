package dev.lattice.compiler.plan;

/** A port a member serves: its name, the Service port, the container port, and the protocol. */
public record PortPlan(String name, int port, int targetPort, String protocol) {}
