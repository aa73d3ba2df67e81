package dev.lattice.model.base;

import java.util.Optional;

/** A Kubernetes status condition ({@code Ready}, {@code Compiled}, {@code Applied}, ...). */
public record Condition(
    @Required String type,
    @Required String status,
    Optional<String> reason,
    Optional<String> message,
    Optional<String> lastTransitionTime,
    Optional<Long> observedGeneration) {

  public Condition {
    reason = Values.opt(reason);
    message = Values.opt(message);
    lastTransitionTime = Values.opt(lastTransitionTime);
    observedGeneration = Values.opt(observedGeneration);
  }
}
