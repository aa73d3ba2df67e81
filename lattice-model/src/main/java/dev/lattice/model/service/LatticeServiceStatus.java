package dev.lattice.model.service;

import dev.lattice.model.base.Condition;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.List;
import java.util.Optional;

/**
 * What the runtime reports about a service (and, with the same shape, external services and mesh members).
 *
 * @param lastAppliedGeneration the generation whose spec was last compiled and applied
 * @param lastAppliedSpec that spec as JSON text, kept so a restarted controller compiles it in place of a spec with
 *     errors, as the running one did (issue #16, item 1)
 */
public record LatticeServiceStatus(
    Optional<Phase> phase,
    Optional<Long> observedGeneration,
    Optional<String> message,
    List<Condition> conditions,
    Optional<Long> lastAppliedGeneration,
    Optional<String> lastAppliedSpec) {

  public LatticeServiceStatus {
    phase = Values.opt(phase);
    observedGeneration = Values.opt(observedGeneration);
    message = Values.opt(message);
    conditions = Values.list(conditions);
    lastAppliedGeneration = Values.opt(lastAppliedGeneration);
    lastAppliedSpec = Values.opt(lastAppliedSpec);
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
