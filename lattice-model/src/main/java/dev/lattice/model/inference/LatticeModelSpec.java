package dev.lattice.model.inference;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.Map;
import java.util.Optional;

/**
 * What a model declares: its roles ({@code serving}, or {@code prefill} and {@code decode} for
 * disaggregated serving), each an entry workload and optional workers; the routing the Kthena router
 * applies; where the weights come from; and the ModelServing's scheduling knobs. {@code defaults}
 * is a role that every role starts from.
 */
public record LatticeModelSpec(
    Map<String, ModelRoleSpec> roles,
    Optional<ModelRoleSpec> defaults,
    @Required ModelRouting routing,
    Optional<ModelSource> modelSource,
    Optional<String> schedulerName,
    Optional<RecoveryPolicy> recoveryPolicy,
    Optional<Integer> restartGracePeriodSeconds) {

  /** The role of aggregated serving (prefill and decode in one pod). */
  public static final String SERVING = "serving";
  /** The role that computes the prompt's KV cache (disaggregated serving). */
  public static final String PREFILL = "prefill";
  /** The role that generates tokens from the transferred KV cache (disaggregated serving). */
  public static final String DECODE = "decode";

  public LatticeModelSpec {
    roles = Values.map(roles);
    defaults = Values.opt(defaults);
    modelSource = Values.opt(modelSource);
    schedulerName = Values.opt(schedulerName);
    recoveryPolicy = Values.opt(recoveryPolicy);
    restartGracePeriodSeconds = Values.opt(restartGracePeriodSeconds);
  }

  /** Whether prefill and decode are separate roles. */
  public boolean disaggregated() {
    return roles.containsKey(PREFILL) && roles.containsKey(DECODE);
  }

  /** The replicas of role {@code name}: its own, else the default, else 1. */
  public int replicasOf(String name) {
    return roles.get(name).replicas().or(() -> defaults.flatMap(ModelRoleSpec::replicas)).orElse(1);
  }

  /** The worker pods per replica of role {@code name}: its own, else the default, else 0. */
  public int workerReplicasOf(String name) {
    return roles.get(name).workerReplicas().or(() -> defaults.flatMap(ModelRoleSpec::workerReplicas)).orElse(0);
  }

  /** The autoscaling of role {@code name}: its own, else the default's. */
  public Optional<ModelAutoscaling> autoscalingOf(String name) {
    return roles.get(name).autoscaling().or(() -> defaults.flatMap(ModelRoleSpec::autoscaling));
  }

  /** What Kthena recreates when a pod fails (the ModelServing schema's enum). */
  public enum RecoveryPolicy implements dev.lattice.model.base.WireEnum {
    SERVING_GROUP_RECREATE("ServingGroupRecreate"),
    ROLE_RECREATE("RoleRecreate"),
    NONE("None");

    private final String wire;

    RecoveryPolicy(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
