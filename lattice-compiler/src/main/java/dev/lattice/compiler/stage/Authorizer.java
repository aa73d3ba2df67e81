package dev.lattice.compiler.stage;

import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.model.diagnostics.Diagnostics;

/**
 * The authorization stage: asks the platform's policies about every request the plan makes and
 * returns the plan with denied requests removed (each denial is an error diagnostic). The Cedar
 * gates plug in here; {@link #ALLOW_ALL} is the seam's default until they do.
 */
@FunctionalInterface
public interface Authorizer {
  Authorizer ALLOW_ALL = (plan, diagnostics) -> plan;

  FleetPlan authorize(FleetPlan plan, Diagnostics diagnostics);
}
