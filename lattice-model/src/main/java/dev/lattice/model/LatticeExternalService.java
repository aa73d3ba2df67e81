package dev.lattice.model;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.Required;
import dev.lattice.model.mesh.LatticeExternalServiceSpec;
import dev.lattice.model.service.LatticeServiceStatus;
import java.util.Optional;

/** An endpoint outside the cluster that services may reach when it lists them. */
@org.immutables.value.Value.Builder
public record LatticeExternalService(
    @Required ObjectMeta metadata, @Required LatticeExternalServiceSpec spec, Optional<LatticeServiceStatus> status)
    implements LatticeObject {

  public LatticeExternalService {
    status = Values.opt(status);
  }

  @Override
  public Kind kind() {
    return Kind.LATTICE_EXTERNAL_SERVICE;
  }
}
