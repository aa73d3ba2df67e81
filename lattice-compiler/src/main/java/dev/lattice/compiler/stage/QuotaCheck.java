package dev.lattice.compiler.stage;

import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.LatticeQuota;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.policy.LatticeQuotaSpec;
import dev.lattice.model.service.ContainerSpec;
import dev.lattice.model.service.ResourceRequirementsSpec;
import dev.lattice.model.service.ResourceSpec;
import dev.lattice.model.validate.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks the fleet being compiled against every {@code LatticeQuota}: a workload's demand is its
 * requests (limits where no request is given) times its maximum replicas, GPUs included; over a
 * quota's {@code limits} in total, or its {@code maxPerWorkload} for one workload, is an error
 * ({@code LAT3004}) with the numbers. The budget is an input, so the check stays pure.
 */
final class QuotaCheck {
  private QuotaCheck() {}

  static void check(ObjectIndex index, Map<ObjectRef, WorkloadPlan> workloads, Diagnostics diagnostics) {
    for (SourcedObject s : index.quotas) {
      LatticeQuota quota = (LatticeQuota) s.object();
      Map<String, BigDecimal> total = new TreeMap<>();
      List<String> covered = new ArrayList<>();
      for (WorkloadPlan w : workloads.values()) {
        if (!covers(quota.spec().principal(), w)) {
          continue;
        }
        covered.add(w.ref().toString());
        Map<String, BigDecimal> demand = demand(w);
        demand.forEach((k, v) -> total.merge(k, v, BigDecimal::add));
        quota.spec().maxPerWorkload().forEach((resource, max) -> over(demand, resource, max).ifPresent(d ->
            diagnostics.add(Diagnostic.error(Codes.QUOTA_EXCEEDED, w.ref() + " asks for " + d + " " + resource
                + " (requests × max replicas), above the " + max + " per workload that quota " + quota.qualifiedName() + " allows",
                "lower its requests or maximum replicas, or raise spec.maxPerWorkload", w.source().sources().valueAt("spec"), w.source().sources().pathOf("spec")))));
      }
      quota.spec().limits().forEach((resource, max) -> over(total, resource, max).ifPresent(d ->
          diagnostics.add(Diagnostic.error(Codes.QUOTA_EXCEEDED, "the workloads of quota " + quota.qualifiedName() + " ask for "
              + d + " " + resource + " in total, above its limit of " + max + " (" + covered.size() + " workloads: "
              + String.join(", ", covered.subList(0, Math.min(5, covered.size()))) + (covered.size() > 5 ? ", ..." : "") + ")",
              "raise spec.limits." + resource + " or shrink the workloads", s.sources().valueAt(limitPath(resource)), limitPath(resource)))));
    }
  }

  private static String limitPath(String resource) {
    return dev.lattice.model.PathSyntax.child("spec.limits", resource);
  }

  private static Optional<String> over(Map<String, BigDecimal> demand, String resource, String max) {
    BigDecimal d = demand.getOrDefault(resource, BigDecimal.ZERO);
    return Quantity.parse(max).filter(m -> d.compareTo(m) > 0).map(m -> format(resource, d));
  }

  private static String format(String resource, BigDecimal v) {
    if (resource.equals("memory")) {
      return v.divide(BigDecimal.valueOf(1024L * 1024), 0, java.math.RoundingMode.UP) + "Mi";
    }
    return v.stripTrailingZeros().toPlainString();
  }

  static boolean covers(LatticeQuotaSpec.Principal p, WorkloadPlan w) {
    if (!p.namespaces().isEmpty()) {
      return p.namespaces().contains(w.ref().namespace());
    }
    if (p.service().isPresent()) {
      return ObjectRef.parse(p.service().get(), w.ref().namespace()).equals(w.ref());
    }
    return p.annotation().map(a -> {
      int eq = a.indexOf('=');
      return eq > 0 && a.substring(eq + 1).equals(w.service().metadata().annotations().get(a.substring(0, eq)));
    }).orElse(false);
  }

  /** Requests × max replicas per resource. */
  static Map<String, BigDecimal> demand(WorkloadPlan w) {
    Map<String, BigDecimal> perPod = new TreeMap<>();
    List<ContainerSpec> containers = new ArrayList<>(w.service().spec().workload().containers().values());
    containers.addAll(w.service().spec().sidecars().values());
    for (ContainerSpec c : containers) {
      add(perPod, "cpu", c.resources(), true);
      add(perPod, "memory", c.resources(), false);
    }
    w.service().spec().workload().resources().values().stream().filter(r -> ResourceSpec.GPU.equals(r.type())).forEach(r ->
        perPod.merge("nvidia.com/gpu", new BigDecimal(String.valueOf(r.params().getOrDefault("count", 1))), BigDecimal::add));
    BigDecimal replicas = BigDecimal.valueOf(w.service().spec().maxReplicas());
    Map<String, BigDecimal> out = new TreeMap<>();
    perPod.forEach((k, v) -> out.put(k, v.multiply(replicas)));
    return out;
  }

  private static void add(Map<String, BigDecimal> perPod, String resource, Optional<ResourceRequirementsSpec> spec, boolean cpu) {
    Optional<String> amount = spec.flatMap(r -> r.requests().flatMap(a -> cpu ? a.cpu() : a.memory())
        .or(() -> r.limits().flatMap(a -> cpu ? a.cpu() : a.memory())));
    amount.flatMap(Quantity::parse).ifPresent(q -> perPod.merge(resource, q, BigDecimal::add));
  }
}
