package dev.lattice.model.service;

import dev.lattice.model.base.Condition;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.List;
import java.util.Optional;

/** What the runtime reports about a service (and, with the same shape, external services and mesh members). */
public record LatticeServiceStatus(
    Optional<Phase> phase,
    Optional<Long> observedGeneration,
    Optional<String> message,
    List<Condition> conditions) {

  public LatticeServiceStatus {
    phase = Values.opt(phase);
    observedGeneration = Values.opt(observedGeneration);
    message = Values.opt(message);
    conditions = Values.list(conditions);
  }

  /** The lifecycle phase. */
  public enum Phase implements WireEnum {
    PENDING("Pending"),
    COMPILING("Compiling"),
    READY("Ready"),
    FAILED("Failed");

    private final String wire;

    Phase(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
