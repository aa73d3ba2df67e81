package dev.lattice.model.job;

import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Optional;

/**
 * A Volcano lifecycle policy, passed through: on {@code event} (or any of {@code events}, or an
 * {@code exitCode}) take {@code action}, e.g. {@code TaskCompleted → CompleteJob}
 * (https://volcano.sh/en/docs/vcjob/#policies).
 */
public record LifecyclePolicy(
    Optional<String> event, List<String> events, Optional<Integer> exitCode, Optional<String> action,
    Optional<String> timeout) {
  public LifecyclePolicy {
    event = Values.opt(event);
    events = Values.list(events);
    exitCode = Values.opt(exitCode);
    action = Values.opt(action);
    timeout = Values.opt(timeout);
  }
}
