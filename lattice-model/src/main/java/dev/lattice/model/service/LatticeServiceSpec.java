package dev.lattice.model.service;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a service declares, in the canonical shape ({@code spec.workload}). {@code replicas} is the
 * minimum; {@code autoscaling.max} above it turns autoscaling on; {@code topology} gang-places the
 * pods within a network tier through a Volcano PodGroup.
 */
@org.immutables.value.Value.Builder
public record LatticeServiceSpec(
    @DefaultValue("1") int replicas,
    Optional<AutoscalingSpec> autoscaling,
    Optional<DeploySpec> deploy,
    @Required WorkloadSpec workload,
    Map<String, ContainerSpec> sidecars,
    List<String> imagePullSecrets,
    Optional<IngressSpec> ingress,
    Optional<AdvertiseSpec> advertise,
    Optional<String> environment,
    Optional<Boolean> shareProcessNamespace,
    Optional<Boolean> automountServiceAccountToken,
    Optional<TopologySpec> topology) {

  public LatticeServiceSpec {
    autoscaling = Values.opt(autoscaling);
    deploy = Values.opt(deploy);
    sidecars = Values.map(sidecars);
    imagePullSecrets = Values.list(imagePullSecrets);
    ingress = Values.opt(ingress);
    advertise = Values.opt(advertise);
    environment = Values.opt(environment);
    shareProcessNamespace = Values.opt(shareProcessNamespace);
    automountServiceAccountToken = Values.opt(automountServiceAccountToken);
    topology = Values.opt(topology);
  }

  /** The most replicas: {@code autoscaling.max} when set, else {@code replicas}. */
  public int maxReplicas() {
    return autoscaling.map(AutoscalingSpec::max).orElse(replicas);
  }
}
