package dev.lattice.runtime.controller;

import java.time.Duration;
import java.util.Optional;

/**
 * How the controller runs. {@code applyMode} {@code ssa} (server-side apply, the default) or
 * {@code replace} (create-or-replace, for API servers without SSA such as the test mock).
 */
public record ControllerOptions(
    String applyMode,
    String trustDomain,
    boolean leaderElection,
    String leaseName,
    Optional<String> leaseNamespace,
    Optional<String> identity,
    Duration coalesce,
    int applyWorkers,
    int reconcileThreads,
    Duration retryInitial,
    int retryMaxAttempts,
    Duration resync) {

  /** Defaults for a real cluster. */
  public static ControllerOptions defaults() {
    return new ControllerOptions("ssa", "cluster.local", false, "lattice-controller", Optional.empty(), Optional.empty(),
        Duration.ofMillis(200), 8, 50, Duration.ofSeconds(1), 12, Duration.ofMinutes(10));
  }

  public ControllerOptions withApplyMode(String mode) {
    return new ControllerOptions(mode, trustDomain, leaderElection, leaseName, leaseNamespace, identity, coalesce,
        applyWorkers, reconcileThreads, retryInitial, retryMaxAttempts, resync);
  }

  public ControllerOptions withCoalesce(Duration d) {
    return new ControllerOptions(applyMode, trustDomain, leaderElection, leaseName, leaseNamespace, identity, d,
        applyWorkers, reconcileThreads, retryInitial, retryMaxAttempts, resync);
  }

  public ControllerOptions withRetryInitial(Duration d) {
    return new ControllerOptions(applyMode, trustDomain, leaderElection, leaseName, leaseNamespace, identity, coalesce,
        applyWorkers, reconcileThreads, d, retryMaxAttempts, resync);
  }
}
