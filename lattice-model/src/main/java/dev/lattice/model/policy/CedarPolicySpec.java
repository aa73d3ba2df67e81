package dev.lattice.model.policy;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.Optional;

/** Cedar policy text with a priority (higher first) and a switch to turn it off. */
@org.immutables.value.Value.Builder
public record CedarPolicySpec(
    Optional<String> description,
    @Required String policies,
    @DefaultValue("0") int priority,
    @DefaultValue("true") boolean enabled) {
  public CedarPolicySpec {
    description = Values.opt(description);
  }
}
