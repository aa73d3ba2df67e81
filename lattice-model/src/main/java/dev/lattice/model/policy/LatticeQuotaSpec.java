package dev.lattice.model.policy;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource budget: whom it covers ({@code principal}: a group of namespaces, one service, or the
 * services carrying an annotation), the total it allows ({@code limits}: {@code cpu}, {@code
 * memory}, {@code nvidia.com/gpu}) and the most one workload may ask for ({@code maxPerWorkload}).
 * A workload's demand is its requests times its maximum replicas.
 */
public record LatticeQuotaSpec(@Required Principal principal, Map<String, String> limits, Map<String, String> maxPerWorkload) {
  public LatticeQuotaSpec {
    limits = Values.map(limits);
    maxPerWorkload = Values.map(maxPerWorkload);
  }

  /** Exactly one of: namespaces, a service ({@code ns/name}), an annotation ({@code key=value}). */
  public record Principal(List<String> namespaces, Optional<String> service, Optional<String> annotation) {
    public Principal {
      namespaces = Values.list(namespaces);
      service = Values.opt(service);
      annotation = Values.opt(annotation);
    }
  }
}
