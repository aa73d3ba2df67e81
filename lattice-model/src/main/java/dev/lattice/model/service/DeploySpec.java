package dev.lattice.model.service;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.Optional;

/** How new versions roll out: {@code rolling} (default) or {@code canary} through Flagger. */
public record DeploySpec(@DefaultValue("rolling") Strategy strategy, Optional<CanarySpec> canary) {
  public DeploySpec {
    canary = Values.opt(canary);
  }

  /** The rollout strategy. */
  public enum Strategy implements WireEnum {
    ROLLING("rolling"),
    CANARY("canary");

    private final String wire;

    Strategy(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** Flagger analysis settings; absent values take Flagger-friendly defaults at emission. */
  public record CanarySpec(
      Optional<String> interval, Optional<Integer> threshold, Optional<Integer> maxWeight, Optional<Integer> stepWeight) {
    public CanarySpec {
      interval = Values.opt(interval);
      threshold = Values.opt(threshold);
      maxWeight = Values.opt(maxWeight);
      stepWeight = Values.opt(stepWeight);
    }
  }
}
