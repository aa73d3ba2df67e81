package dev.lattice.compiler.plan;

import dev.lattice.model.CloudProvider;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Everything the emitters need, resolved: mesh members and workloads by id (a job's tasks and a
 * model's roles among them), the jobs and models, agreed edges,
 * external destinations and the edges to them, every declaration (for explanations), the
 * namespaces Lattice deploys to, and the cluster documents. Immutable; edge lookups by member are
 * indexed, so emitters stay linear in the fleet size.
 */
public final class FleetPlan {
  private final SortedMap<ObjectRef, MemberPlan> members;
  private final SortedMap<ObjectRef, WorkloadPlan> workloads;
  private final SortedSet<EdgePlan> edges;
  private final SortedMap<ObjectRef, ExternalPlan> externals;
  private final SortedSet<ExternalEdgePlan> externalEdges;
  private final List<Declaration> declarations;
  private final SortedSet<String> namespaces;
  private final List<SourcedObject> clusters;
  private final SortedMap<String, CloudProvider> providers;
  private final List<GateOutcome> gates;
  private final SortedMap<ObjectRef, JobPlan> jobs;
  private final Map<ObjectRef, JobPlan> jobOfTask = new HashMap<>();
  private final SortedMap<ObjectRef, ModelPlan> models;
  private final Map<ObjectRef, ModelPlan> modelOfRole = new HashMap<>();
  private final Map<ObjectRef, List<EdgePlan>> byCallee = new HashMap<>();
  private final Map<ObjectRef, List<EdgePlan>> byCaller = new HashMap<>();
  private final Map<ObjectRef, List<ExternalEdgePlan>> externalByCaller = new HashMap<>();
  private final SortedMap<String, GatewayPlan> gateways;

  public FleetPlan(
      SortedMap<ObjectRef, MemberPlan> members,
      SortedMap<ObjectRef, WorkloadPlan> workloads,
      SortedSet<EdgePlan> edges,
      SortedMap<ObjectRef, ExternalPlan> externals,
      SortedSet<ExternalEdgePlan> externalEdges,
      List<Declaration> declarations,
      SortedSet<String> namespaces,
      List<SourcedObject> clusters,
      SortedMap<String, CloudProvider> providers,
      SortedMap<ObjectRef, JobPlan> jobs,
      SortedMap<ObjectRef, ModelPlan> models) {
    this(members, workloads, edges, externals, externalEdges, declarations, namespaces, clusters, providers, jobs, models, List.of());
  }

  private FleetPlan(
      SortedMap<ObjectRef, MemberPlan> members,
      SortedMap<ObjectRef, WorkloadPlan> workloads,
      SortedSet<EdgePlan> edges,
      SortedMap<ObjectRef, ExternalPlan> externals,
      SortedSet<ExternalEdgePlan> externalEdges,
      List<Declaration> declarations,
      SortedSet<String> namespaces,
      List<SourcedObject> clusters,
      SortedMap<String, CloudProvider> providers,
      SortedMap<ObjectRef, JobPlan> jobs,
      SortedMap<ObjectRef, ModelPlan> models,
      List<GateOutcome> gates) {
    this.gates = List.copyOf(gates);
    this.jobs = HashedSortedMap.of(jobs);
    jobs.values().forEach(j -> j.tasks().forEach(t -> jobOfTask.put(t.workload(), j)));
    this.models = HashedSortedMap.of(models);
    models.values().forEach(m -> m.workloads().forEach(w -> modelOfRole.put(w, m)));
    this.members = HashedSortedMap.of(members);
    this.workloads = HashedSortedMap.of(workloads);
    this.edges = Collections.unmodifiableSortedSet(edges);
    this.externals = HashedSortedMap.of(externals);
    this.externalEdges = Collections.unmodifiableSortedSet(externalEdges);
    this.declarations = List.copyOf(declarations);
    this.namespaces = Collections.unmodifiableSortedSet(namespaces);
    this.clusters = List.copyOf(clusters);
    this.providers = Collections.unmodifiableSortedMap(providers);
    for (EdgePlan e : edges) {
      byCallee.computeIfAbsent(e.callee(), k -> new ArrayList<>()).add(e);
      byCaller.computeIfAbsent(e.caller(), k -> new ArrayList<>()).add(e);
    }
    for (ExternalEdgePlan e : externalEdges) {
      externalByCaller.computeIfAbsent(e.caller(), k -> new ArrayList<>()).add(e);
    }
    this.gateways = gatewaysOf(this.members);
  }

  private static SortedMap<String, GatewayPlan> gatewaysOf(SortedMap<ObjectRef, MemberPlan> members) {
    java.util.TreeMap<String, List<MemberPlan>> byNamespace = new java.util.TreeMap<>();
    members.values().stream().filter(m -> !m.routes().isEmpty())
        .forEach(m -> byNamespace.computeIfAbsent(m.ref().namespace(), k -> new ArrayList<>()).add(m));
    java.util.TreeMap<String, GatewayPlan> out = new java.util.TreeMap<>();
    byNamespace.forEach((ns, ms) -> GatewayPlan.of(ns, ms).ifPresent(g -> out.put(ns, g)));
    return Collections.unmodifiableSortedMap(out);
  }

  /** {@code plan} with {@code gates} recorded; everything else shared (all of it is unmodifiable). */
  private FleetPlan(FleetPlan plan, List<GateOutcome> gates) {
    this.gates = List.copyOf(gates);
    this.members = plan.members;
    this.workloads = plan.workloads;
    this.edges = plan.edges;
    this.externals = plan.externals;
    this.externalEdges = plan.externalEdges;
    this.declarations = plan.declarations;
    this.namespaces = plan.namespaces;
    this.clusters = plan.clusters;
    this.providers = plan.providers;
    this.jobs = plan.jobs;
    this.jobOfTask.putAll(plan.jobOfTask);
    this.models = plan.models;
    this.modelOfRole.putAll(plan.modelOfRole);
    this.byCallee.putAll(plan.byCallee);
    this.byCaller.putAll(plan.byCaller);
    this.externalByCaller.putAll(plan.externalByCaller);
    this.gateways = plan.gateways;
  }

  public SortedMap<ObjectRef, MemberPlan> members() {
    return members;
  }

  public SortedMap<ObjectRef, WorkloadPlan> workloads() {
    return workloads;
  }

  public SortedSet<EdgePlan> edges() {
    return edges;
  }

  public SortedMap<ObjectRef, ExternalPlan> externals() {
    return externals;
  }

  public SortedSet<ExternalEdgePlan> externalEdges() {
    return externalEdges;
  }

  /** Every declaration of the input, agreed or not, in input order. */
  public List<Declaration> declarations() {
    return declarations;
  }

  /** Namespaces of the services Lattice deploys. */
  public SortedSet<String> namespaces() {
    return namespaces;
  }

  /** The {@code LatticeCluster} objects of the input, in input order. */
  public List<SourcedObject> clusters() {
    return clusters;
  }

  /** {@code CloudProvider} objects by name. */
  public SortedMap<String, CloudProvider> providers() {
    return providers;
  }

  /** The {@code LatticeJob}s Lattice runs, by address; their tasks are also in {@link #workloads()}. */
  public SortedMap<ObjectRef, JobPlan> jobs() {
    return jobs;
  }

  /** The job whose task {@code workload} is, if it is one (a task gets pods from its job, not a Deployment). */
  public Optional<JobPlan> jobOf(ObjectRef workload) {
    return Optional.ofNullable(jobOfTask.get(workload));
  }

  /** The {@code LatticeModel}s Lattice serves, by address; their role workloads are also in {@link #workloads()}. */
  public SortedMap<ObjectRef, ModelPlan> models() {
    return models;
  }

  /** The model whose role {@code workload} is (entry or workers), if it is one (its pods come from Kthena, not a Deployment). */
  public Optional<ModelPlan> modelOf(ObjectRef workload) {
    return Optional.ofNullable(modelOfRole.get(workload));
  }

  /** The kind a workload's principal has: {@code LatticeJob} for a task, {@code LatticeModel} for a role, else {@code LatticeService}. */
  public String kindOf(ObjectRef workload) {
    return jobOf(workload).isPresent() ? "LatticeJob" : modelOf(workload).isPresent() ? "LatticeModel" : "LatticeService";
  }

  /** Agreed callers of a member, sorted by caller. */
  public List<EdgePlan> edgesInto(ObjectRef callee) {
    return Collections.unmodifiableList(byCallee.getOrDefault(callee, List.of()));
  }

  /** Agreed callees of a member, sorted by callee. */
  public List<EdgePlan> edgesOutOf(ObjectRef caller) {
    return Collections.unmodifiableList(byCaller.getOrDefault(caller, List.of()));
  }

  /** External destinations a member may reach, sorted. */
  public List<ExternalEdgePlan> externalEdgesOf(ObjectRef caller) {
    return Collections.unmodifiableList(externalByCaller.getOrDefault(caller, List.of()));
  }

  /**
   * Whether {@code caller} may reach an external destination by DNS name (Cilium enforces names with
   * {@code toFQDNs}, which learns addresses from the caller's own lookups).
   */
  public boolean callsExternalNames(ObjectRef caller) {
    return externalEdgesOf(caller).stream().map(e -> externals.get(e.external())).filter(java.util.Objects::nonNull)
        .anyMatch(x -> x.endpoints().values().stream().anyMatch(ep -> !ep.isAddress()));
  }

  /** The ingress gateway of each namespace whose services declare routes, by namespace. */
  public SortedMap<String, GatewayPlan> gateways() {
    return gateways;
  }

  /** The gateway of {@code namespace}, if its services declare routes. */
  public Optional<GatewayPlan> gateway(String namespace) {
    return Optional.ofNullable(gateways.get(namespace));
  }

  public Optional<MemberPlan> member(ObjectRef ref) {
    return Optional.ofNullable(members.get(ref));
  }

  /** The authorization questions asked of this plan and their answers, in a stable order. */
  public List<GateOutcome> gates() {
    return gates;
  }

  /**
   * This plan after authorization: the gate outcomes recorded, and every member, workload and
   * external service in {@code failed} removed together with the edges that touch them.
   */
  public FleetPlan authorized(List<GateOutcome> outcomes, java.util.Set<ObjectRef> failed) {
    if (failed.isEmpty()) {
      return new FleetPlan(this, outcomes); // nothing removed: share the maps and the edge indexes
    }
    java.util.TreeMap<ObjectRef, MemberPlan> m = new java.util.TreeMap<>(members);
    java.util.TreeMap<ObjectRef, WorkloadPlan> w = new java.util.TreeMap<>(workloads);
    java.util.TreeMap<ObjectRef, ExternalPlan> x = new java.util.TreeMap<>(externals);
    failed.forEach(r -> {
      m.remove(r);
      w.remove(r);
      x.remove(r);
    });
    java.util.TreeSet<EdgePlan> e = new java.util.TreeSet<>(edges);
    e.removeIf(edge -> failed.contains(edge.caller()) || failed.contains(edge.callee()));
    java.util.TreeSet<ExternalEdgePlan> xe = new java.util.TreeSet<>(externalEdges);
    xe.removeIf(edge -> failed.contains(edge.caller()) || failed.contains(edge.external()));
    java.util.TreeSet<String> ns = new java.util.TreeSet<>();
    w.keySet().forEach(r -> ns.add(r.namespace()));
    // a job runs whole or not at all: one task refused takes the job with it
    java.util.TreeMap<ObjectRef, JobPlan> j = new java.util.TreeMap<>(jobs);
    j.values().removeIf(job -> job.tasks().stream().anyMatch(t -> !w.containsKey(t.workload())));
    // so does a model: a role refused takes the model's ModelServing with it
    java.util.TreeMap<ObjectRef, ModelPlan> mo = new java.util.TreeMap<>(models);
    mo.values().removeIf(model -> model.workloads().stream().anyMatch(r -> !w.containsKey(r)));
    return new FleetPlan(m, w, e, x, xe, declarations, ns, clusters, providers, j, mo, outcomes);
  }
}
