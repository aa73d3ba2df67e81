package dev.lattice.model;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.inference.LatticeModelSpec;
import dev.lattice.model.service.LatticeServiceStatus;
import java.util.Optional;

/**
 * A model served by Kthena: roles of pods (aggregated {@code serving}, or disaggregated {@code
 * prefill} and {@code decode}), each a workload with the service workload shape and the same
 * bilateral agreements, behind the Kthena router.
 */
@org.immutables.value.Value.Builder
public record LatticeModel(@Required ObjectMeta metadata, @Required LatticeModelSpec spec, Optional<LatticeServiceStatus> status)
    implements LatticeObject {

  public LatticeModel {
    status = Values.opt(status);
  }

  @Override
  public Kind kind() {
    return Kind.LATTICE_MODEL;
  }
}
