package dev.lattice.model.cluster;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The control plane and the named worker pools. */
@org.immutables.value.Value.Builder
public record NodesSpec(@Required ControlPlane controlPlane, Map<String, WorkerPool> workerPools) {
  public NodesSpec {
    workerPools = Values.map(workerPools);
  }

  /** Control-plane machines: an odd count (etcd quorum), their size and placement. */
  public record ControlPlane(
      @DefaultValue("1") int replicas,
      Optional<InstanceType> instanceType,
      Optional<RootVolume> rootVolume,
      Optional<Placement> placement) {
    public ControlPlane {
      instanceType = Values.opt(instanceType);
      rootVolume = Values.opt(rootVolume);
      placement = Values.opt(placement);
    }
  }

  /**
   * A worker pool: fixed {@code replicas}, or {@code min}/{@code max} for the cluster autoscaler;
   * node labels and taints; size and placement; a {@code displayName} for people.
   */
  public record WorkerPool(
      Optional<Integer> replicas,
      Optional<Integer> min,
      Optional<Integer> max,
      Optional<InstanceType> instanceType,
      Optional<RootVolume> rootVolume,
      Map<String, String> labels,
      List<Taint> taints,
      Optional<Placement> placement,
      Optional<String> displayName) {
    public WorkerPool {
      displayName = Values.opt(displayName);
      replicas = Values.opt(replicas);
      min = Values.opt(min);
      max = Values.opt(max);
      instanceType = Values.opt(instanceType);
      rootVolume = Values.opt(rootVolume);
      labels = Values.map(labels);
      taints = Values.list(taints);
      placement = Values.opt(placement);
    }

    public boolean autoscaled() {
      return min.isPresent() || max.isPresent();
    }
  }

  /** The boot disk; {@code iops}, {@code throughput} (MiB/s) and {@code encrypted} are AWS EBS settings. */
  public record RootVolume(
      @Required int sizeGb, Optional<String> type, Optional<Integer> iops, Optional<Integer> throughput,
      Optional<Boolean> encrypted) {
    public RootVolume {
      type = Values.opt(type);
      iops = Values.opt(iops);
      throughput = Values.opt(throughput);
      encrypted = Values.opt(encrypted);
    }

    public RootVolume(int sizeGb, Optional<String> type) {
      this(sizeGb, type, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** A node taint. */
  public record Taint(@Required String key, Optional<String> value, @Required Effect effect) {
    public Taint {
      value = Values.opt(value);
    }
  }

  /** A taint effect. */
  public enum Effect implements WireEnum {
    NO_SCHEDULE("NoSchedule"),
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    NO_EXECUTE("NoExecute");

    private final String wire;

    Effect(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** Soft ({@code prefers}) and hard ({@code requires}) host preferences. */
  public record Placement(List<Preference> prefers, List<Requirement> requires) {
    public Placement {
      prefers = Values.list(prefers);
      requires = Values.list(requires);
    }
  }

  /** Prefer hosts with {@code key=value}, with a weight. */
  public record Preference(@Required String key, @Required String value, @DefaultValue("1") int weight) {}

  /** Require hosts whose {@code key} has one of {@code values}. */
  public record Requirement(@Required String key, List<String> values) {
    public Requirement {
      values = Values.list(values);
    }
  }
}
