package dev.lattice.compiler.stage;

import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.List;

/**
 * The authorization stage: asks the platform's policies about every request the plan makes and
 * returns the plan with the requesters of denied requests removed (each denial is an error
 * diagnostic). The default is {@link dev.lattice.compiler.authz.GateAuthorizer}, the six Cedar
 * gates (default deny); {@link #ALLOW_ALL} turns authorization off, for tests of emitters only.
 */
@FunctionalInterface
public interface Authorizer {
  Authorizer ALLOW_ALL = (plan, objects, diagnostics) -> plan;

  /** {@code objects} is the whole input, where the policies are. */
  FleetPlan authorize(FleetPlan plan, List<SourcedObject> objects, Diagnostics diagnostics);
}
