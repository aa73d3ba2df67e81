package dev.lattice.model;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.Required;
import dev.lattice.model.job.LatticeJobSpec;
import dev.lattice.model.service.LatticeServiceStatus;
import java.util.Optional;

/**
 * A batch or training job run by Volcano: tasks of pods scheduled as one gang, each task a workload
 * with the service workload shape and the same bilateral agreements.
 */
@org.immutables.value.Value.Builder
public record LatticeJob(@Required ObjectMeta metadata, @Required LatticeJobSpec spec, Optional<LatticeServiceStatus> status)
    implements LatticeObject {

  public LatticeJob {
    status = Values.opt(status);
  }

  @Override
  public Kind kind() {
    return Kind.LATTICE_JOB;
  }
}
