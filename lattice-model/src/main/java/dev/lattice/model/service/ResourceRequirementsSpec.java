package dev.lattice.model.service;

import dev.lattice.model.base.Values;
import java.util.Optional;

/** CPU and memory requests and limits, as Kubernetes quantities ({@code 100m}, {@code 256Mi}). */
public record ResourceRequirementsSpec(Optional<Amounts> requests, Optional<Amounts> limits) {
  public ResourceRequirementsSpec {
    requests = Values.opt(requests);
    limits = Values.opt(limits);
  }

  /** A CPU and a memory quantity. */
  public record Amounts(Optional<String> cpu, Optional<String> memory) {
    public Amounts {
      cpu = Values.opt(cpu);
      memory = Values.opt(memory);
    }
  }
}
