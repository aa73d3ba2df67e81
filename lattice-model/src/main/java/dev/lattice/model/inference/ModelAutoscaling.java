package dev.lattice.model.inference;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Optional;

/**
 * Autoscaling of one role by Kthena's autoscaler: between {@code min} (default the role's replicas)
 * and {@code max} replicas, on metrics the role's pods expose ({@code metric} scraped from the
 * pods, {@code target} the value per pod), with a tolerance and scale-up/down behaviour.
 */
public record ModelAutoscaling(
    @Required int max,
    Optional<Integer> min,
    List<Metric> metrics,
    Optional<Integer> tolerancePercent,
    Optional<Behavior> behavior) {

  public ModelAutoscaling {
    min = Values.opt(min);
    metrics = Values.list(metrics);
    tolerancePercent = Values.opt(tolerancePercent);
    behavior = Values.opt(behavior);
  }

  /** A metric of the pods and its target value per pod. */
  public record Metric(@Required String metric, @Required double target, Optional<Integer> port, Optional<String> path) {
    public Metric {
      port = Values.opt(port);
      path = Values.opt(path);
    }
  }

  /** How fast the role scales up (with a panic mode) and down. */
  public record Behavior(Optional<ScaleUp> scaleUp, Optional<ScaleDown> scaleDown) {
    public Behavior {
      scaleUp = Values.opt(scaleUp);
      scaleDown = Values.opt(scaleDown);
    }
  }

  /** Scale-up: the stable policy's window and period, and the panic mode's threshold and hold. */
  public record ScaleUp(Optional<Integer> panicThresholdPercent, Optional<String> panicModeHold,
      Optional<String> stabilizationWindow, Optional<String> period) {
    public ScaleUp {
      panicThresholdPercent = Values.opt(panicThresholdPercent);
      panicModeHold = Values.opt(panicModeHold);
      stabilizationWindow = Values.opt(stabilizationWindow);
      period = Values.opt(period);
    }
  }

  /** Scale-down: the stabilization window and the period. */
  public record ScaleDown(Optional<String> stabilizationWindow, Optional<String> period) {
    public ScaleDown {
      stabilizationWindow = Values.opt(stabilizationWindow);
      period = Values.opt(period);
    }
  }
}
