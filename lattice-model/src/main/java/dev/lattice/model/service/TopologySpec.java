package dev.lattice.model.service;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.Optional;

/**
 * Network-topology-aware placement by Volcano: keep the pods within one network tier ({@code
 * maxTier}, Volcano's {@code highestTierAllowed}, or the tier named {@code tierName}), strictly
 * ({@code hard}, the default) or as a preference ({@code soft}). The tiers are the cluster's
 * {@code networkTopology} (https://volcano.sh/en/docs/network_topology_aware_scheduling/).
 */
public record TopologySpec(Optional<Mode> mode, Optional<Integer> maxTier, Optional<String> tierName) {
  public TopologySpec {
    mode = Values.opt(mode);
    maxTier = Values.opt(maxTier);
    tierName = Values.opt(tierName);
  }

  /** How strictly the tier holds. */
  public enum Mode implements WireEnum {
    HARD("hard"),
    SOFT("soft");

    private final String wire;

    Mode(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
