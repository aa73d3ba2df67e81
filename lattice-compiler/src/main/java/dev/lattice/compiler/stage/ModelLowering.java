package dev.lattice.compiler.stage;

import dev.lattice.compiler.plan.ModelPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.LatticeModel;
import dev.lattice.model.ModelRoles;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.inference.LatticeModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * With {@link JobLowering}, the first stage: every {@code LatticeModel} is followed by its role
 * workloads ({@link ModelRoles}), so that later stages treat a role as they treat a service, and
 * only the emitters tell them apart (a role's pods come from Kthena's ModelServing).
 */
final class ModelLowering {
  private ModelLowering() {}

  /** {@code objects} with each model's role workloads right after the model; the same list when there is no model. */
  static List<SourcedObject> lower(List<SourcedObject> objects) {
    if (objects.stream().noneMatch(o -> o.object() instanceof LatticeModel)) {
      return objects;
    }
    List<SourcedObject> out = new ArrayList<>(objects.size() + 8);
    for (SourcedObject o : objects) {
      out.add(o);
      if (o.object() instanceof LatticeModel) {
        ModelRoles.of(o).forEach(w -> out.add(w.workload()));
      }
    }
    return out;
  }

  /** The plans of the indexed models whose every role workload has a workload plan. */
  static SortedMap<ObjectRef, ModelPlan> plans(Map<ObjectRef, SourcedObject> models, Map<ObjectRef, WorkloadPlan> workloads) {
    SortedMap<ObjectRef, ModelPlan> out = new TreeMap<>();
    models.forEach((ref, source) -> {
      LatticeModelSpec spec = ((LatticeModel) source.object()).spec();
      List<ModelPlan.Role> roles = new ArrayList<>();
      spec.roles().keySet().forEach(name -> {
        int workers = spec.workerReplicasOf(name);
        ObjectRef entry = ObjectRef.of(ref.namespace(), ModelRoles.workloadName(ref.name(), name, false));
        int metricPort = Optional.ofNullable(workloads.get(entry)).flatMap(w -> w.member().metricsPort())
            .map(p -> p.targetPort()).orElse(spec.routing().port());
        roles.add(new ModelPlan.Role(name, entry,
            workers > 0 ? Optional.of(ObjectRef.of(ref.namespace(), ModelRoles.workloadName(ref.name(), name, true))) : Optional.empty(),
            spec.replicasOf(name), workers, spec.autoscalingOf(name), metricPort));
      });
      ModelPlan plan = new ModelPlan(ref, (LatticeModel) source.object(), source, roles);
      if (!roles.isEmpty() && plan.workloads().stream().allMatch(workloads::containsKey)) {
        out.put(ref, plan);
      }
    });
    return out;
  }
}
