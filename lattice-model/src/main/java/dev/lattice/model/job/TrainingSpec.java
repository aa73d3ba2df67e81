package dev.lattice.model.job;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.Map;
import java.util.Optional;

/**
 * Distributed training: the framework, the task whose first pod coordinates (rank 0), the
 * rendezvous port, and NCCL settings as environment variables ({@code NCCL_<NAME>}).
 */
public record TrainingSpec(
    @Required Framework framework, Optional<String> coordinatorTask, Optional<Integer> port, Map<String, Object> nccl) {

  public TrainingSpec {
    coordinatorTask = Values.opt(coordinatorTask);
    port = Values.opt(port);
    nccl = Values.map(nccl);
  }

  /** The training frameworks the original names. */
  public enum Framework implements WireEnum {
    PYTORCH("PyTorch"),
    DEEPSPEED("DeepSpeed"),
    JAX("Jax");

    private final String wire;

    Framework(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
