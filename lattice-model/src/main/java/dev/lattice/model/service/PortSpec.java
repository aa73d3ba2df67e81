package dev.lattice.model.service;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.Optional;

/** One offered port: the Service port and the container port it forwards to (the same by default). */
@org.immutables.value.Value.Builder
public record PortSpec(@Required int port, Optional<Integer> targetPort, @DefaultValue("TCP") Protocol protocol) {
  public PortSpec {
    targetPort = Values.opt(targetPort);
    protocol = protocol == null ? Protocol.TCP : protocol;
  }

  /** The port the container listens on. */
  public int effectiveTargetPort() {
    return targetPort.orElse(port);
  }

  /** A transport protocol. */
  public enum Protocol implements WireEnum {
    TCP,
    UDP,
    SCTP;

    @Override
    public String wire() {
      return name();
    }
  }
}
