package dev.lattice.model;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.Required;
import dev.lattice.model.service.LatticeServiceSpec;
import dev.lattice.model.service.LatticeServiceStatus;
import java.util.Optional;

/** A workload Lattice deploys, with its bilateral declarations ({@code spec.workload.resources}). */
@org.immutables.value.Value.Builder
public record LatticeService(
    @Required ObjectMeta metadata, @Required LatticeServiceSpec spec, Optional<LatticeServiceStatus> status)
    implements LatticeObject {

  public LatticeService {
    status = Values.opt(status);
  }

  @Override
  public Kind kind() {
    return Kind.LATTICE_SERVICE;
  }
}
