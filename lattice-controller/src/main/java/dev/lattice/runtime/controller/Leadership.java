package dev.lattice.runtime.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * What a controller with {@code --leader-election} does around its Lease: the Lease's timings, what
 * runs when this replica starts and stops leading (a hosted cell starts and stops with it), and whether
 * the process exits when the Lease is lost. java-operator-sdk cannot stop its event processing once
 * started, so a replica that loses the Lease exits by default and Kubernetes restarts it as a standby
 * (JOSDK's {@code LeaderElectionConfiguration.exitOnStopLeading}, true by default:
 * https://javaoperatorsdk.io/docs/documentation/features/#leader-election); {@code stopped} runs before
 * that exit. The timings are fabric8's {@code LeaderElectionConfig}: the Lease is held for {@code
 * leaseDuration}, renewed every {@code retryPeriod}, and given up when not renewed within {@code
 * renewDeadline}.
 */
public record Leadership(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod, boolean exitWhenLost,
    Runnable started, Runnable stopped) {
  public Leadership {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(stopped, "stopped");
    if (leaseDuration.compareTo(renewDeadline) <= 0 || renewDeadline.compareTo(retryPeriod) <= 0) {
      throw new IllegalArgumentException("the Lease needs leaseDuration > renewDeadline > retryPeriod");
    }
  }

  /** JOSDK's defaults (15 s, 10 s, 2 s), exiting when the Lease is lost, nothing else on a change. */
  public static Leadership defaults() {
    return new Leadership(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2), true, () -> {}, () -> {});
  }

  public Leadership withTimings(Duration lease, Duration renew, Duration retry) {
    return new Leadership(lease, renew, retry, exitWhenLost, started, stopped);
  }

  public Leadership withExitWhenLost(boolean exit) {
    return new Leadership(leaseDuration, renewDeadline, retryPeriod, exit, started, stopped);
  }

  /** Runs {@code onStart} when this replica starts leading and {@code onStop} when it stops. */
  public Leadership onChange(Runnable onStart, Runnable onStop) {
    return new Leadership(leaseDuration, renewDeadline, retryPeriod, exitWhenLost, onStart, onStop);
  }
}
