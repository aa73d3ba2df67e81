package dev.lattice.compiler.plan;

import dev.lattice.model.LatticeModel;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.inference.ModelAutoscaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code LatticeModel} Lattice serves through Kthena: its roles, each with the address of its
 * entry workload ({@code <model>-<role>}) and, when it has workers, of its worker workload ({@code
 * <model>-<role>-worker}), the replicas it starts with, the worker pods per replica and its
 * autoscaling.
 */
public record ModelPlan(ObjectRef ref, LatticeModel model, SourcedObject source, List<Role> roles) {
  public ModelPlan {
    roles = List.copyOf(roles);
  }

  /**
   * One role of the model; {@code metricPort} is where its metrics are scraped unless a metric names
   * its own port: the entry's port named {@code metrics} when it has one, else the routing port.
   */
  public record Role(String name, ObjectRef entry, Optional<ObjectRef> worker, int replicas, int workerReplicas,
      Optional<ModelAutoscaling> autoscaling, int metricPort) {
    /** The ports the autoscaler scrapes this role's pods on (none when it is not autoscaled). */
    public java.util.SortedSet<Integer> scrapedPorts() {
      java.util.TreeSet<Integer> ports = new java.util.TreeSet<>();
      autoscaling.ifPresent(a -> a.metrics().forEach(m -> ports.add(m.port().orElse(metricPort))));
      return ports;
    }
  }

  /** The ports Kthena's autoscaler scrapes the model's pods on: every autoscaled role's. */
  public java.util.SortedSet<Integer> scrapedPorts() {
    java.util.TreeSet<Integer> ports = new java.util.TreeSet<>();
    roles.forEach(r -> ports.addAll(r.scrapedPorts()));
    return ports;
  }

  /** Every workload of the model: entries and workers, in role order. */
  public List<ObjectRef> workloads() {
    List<ObjectRef> out = new ArrayList<>();
    roles.forEach(r -> {
      out.add(r.entry());
      r.worker().ifPresent(out::add);
    });
    return out;
  }

  /** Whether prefill and decode are separate roles (their pods transfer the KV cache to each other). */
  public boolean disaggregated() {
    return model.spec().disaggregated();
  }

  /** Whether a role has worker pods (a model split across nodes, whose ranks talk on ports chosen at run time). */
  public boolean multiNode() {
    return roles.stream().anyMatch(r -> r.worker().isPresent());
  }

  /** Whether the model's pods reach each other: a role with workers, or prefill and decode. */
  public boolean peers() {
    return multiNode() || disaggregated();
  }

  /**
   * Whether the model's pods reach each other on every port: a role with worker pods (NCCL between
   * the nodes of a replica picks its ports at run time: NVIDIA/nccl#388), or a NIXL KV connector —
   * vLLM's NixlConnector moves the KV cache over NIXL's UCX backend, whose TCP transport listens on
   * a port the system picks unless {@code UCX_TCP_PORT_RANGE} says otherwise (openucx/ucx#5585),
   * so only the side-channel handshake would pass on the KV connector's port. Otherwise (http,
   * lmcache, mooncake) the KV connector's port only.
   */
  public boolean peersOnEveryPort() {
    return multiNode() || (disaggregated() && model.spec().routing().kvConnector().flatMap(k -> k.type())
        .filter(t -> t == dev.lattice.model.inference.ModelRouting.ConnectorType.NIXL).isPresent());
  }

  /** The KV-transfer port between prefill and decode, when disaggregated. */
  public Optional<Integer> kvPort() {
    return disaggregated() ? model.spec().routing().kvConnector().flatMap(k -> k.port()) : Optional.empty();
  }
}
