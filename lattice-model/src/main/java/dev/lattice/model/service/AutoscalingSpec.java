package dev.lattice.model.service;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;

/** Scale between {@code spec.replicas} and {@code max} on the given metrics (CPU 80% when none). */
public record AutoscalingSpec(@Required int max, List<Metric> metrics) {
  public AutoscalingSpec {
    metrics = Values.list(metrics);
  }

  /** A metric and its target: {@code cpu}/{@code memory} in percent, or a custom metric's value. */
  public record Metric(@Required String metric, @Required double target) {}
}
