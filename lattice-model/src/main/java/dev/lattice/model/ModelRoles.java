package dev.lattice.model;

import dev.lattice.model.inference.LatticeModelSpec;
import dev.lattice.model.inference.ModelAutoscaling;
import dev.lattice.model.inference.ModelRoleSpec;
import dev.lattice.model.inference.ModelRuntime;
import dev.lattice.model.inference.ModelSource;
import dev.lattice.model.service.LatticeServiceSpec;
import dev.lattice.model.service.PortSpec;
import dev.lattice.model.service.ResourceSpec;
import dev.lattice.model.service.ServicePortsSpec;
import dev.lattice.model.service.WorkloadSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lowers a model to service-shaped workloads, as {@link JobTasks} lowers a job: per role its entry
 * pods {@code <model>-<role>} and, when it has workers, its worker pods {@code <model>-<role>-worker},
 * the model's {@code defaults} under the role's own values (containers and resources key by key). An entry workload offers the routing
 * port (added as {@code http} when its workload does not declare it), which the Kthena router calls;
 * every workload of a model with a {@code modelSource.tokenSecret} declares it as the secret
 * resource {@code model-token}, so it is synced and gated like any secret. The replicas are the most
 * the role runs ({@code autoscaling.max} when autoscaled, times {@code workerReplicas} for workers),
 * which is what quotas count. Positions point into the model document.
 */
public final class ModelRoles {
  /** The secret resource the download token becomes. */
  public static final String TOKEN_RESOURCE = "model-token";
  /** The name of the port the routing port is added as. */
  public static final String MODEL_PORT = "http";

  private ModelRoles() {}

  /** One workload of a model: its role, whether it is the role's workers, and the lowered service. */
  public record Workload(String model, String role, boolean worker, SourcedObject workload) {
    public String name() {
      return workload.object().metadata().name();
    }
  }

  /** The address of a role's entry (or worker) pods. */
  public static String workloadName(String model, String role, boolean worker) {
    return model + "-" + role + (worker ? "-worker" : "");
  }

  /** The workloads of {@code model}: per role in written order, the entry then the workers. */
  public static List<Workload> of(SourcedObject model) {
    LatticeModel m = (LatticeModel) model.object();
    LatticeModelSpec spec = m.spec();
    List<Workload> out = new ArrayList<>();
    spec.roles().forEach((role, r) -> {
      boolean defaults = spec.defaults().isPresent();
      out.add(new Workload(m.metadata().name(), role, false, new SourcedObject(service(m, role, false),
          model.sources().rebased(new RolePaths(role, "entry", defaults)))));
      if (spec.workerReplicasOf(role) > 0) {
        out.add(new Workload(m.metadata().name(), role, true, new SourcedObject(service(m, role, true),
            model.sources().rebased(new RolePaths(role, "worker", defaults)))));
      }
    });
    return out;
  }

  private static LatticeService service(LatticeModel model, String role, boolean worker) {
    LatticeModelSpec spec = model.spec();
    ModelRoleSpec own = spec.roles().get(role);
    Optional<ModelRoleSpec> defaults = spec.defaults();
    Function<ModelRoleSpec, Optional<WorkloadSpec>> workloadOf = worker ? ModelRoleSpec::workerWorkload : ModelRoleSpec::entryWorkload;
    Function<ModelRoleSpec, Optional<ModelRuntime>> runtimeOf = worker ? ModelRoleSpec::workerRuntime : ModelRoleSpec::entryRuntime;
    WorkloadSpec workload = merge(workloadOf.apply(own), defaults.flatMap(workloadOf));
    if (!worker) {
      workload = withPort(workload, spec.routing().port());
    }
    Optional<ModelSource.TokenSecret> token = spec.modelSource().flatMap(ModelSource::tokenSecret);
    if (token.isPresent() && !workload.resources().containsKey(TOKEN_RESOURCE)) {
      Map<String, ResourceSpec> resources = new LinkedHashMap<>(workload.resources());
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("keys", List.of(token.get().keyOrDefault()));
      token.get().provider().ifPresent(p -> params.put("provider", p));
      resources.put(TOKEN_RESOURCE, new ResourceSpec(ResourceSpec.SECRET, null, Optional.of(token.get().id()), Optional.empty(),
          Optional.empty(), params));
      workload = new WorkloadSpec(workload.containers(), workload.service(), resources);
    }
    int replicas = spec.autoscalingOf(role).map(ModelAutoscaling::max).orElse(spec.replicasOf(role));
    if (worker) {
      replicas *= spec.workerReplicasOf(role);
    }
    List<String> pullSecrets = runtimeOf.apply(own).or(() -> defaults.flatMap(runtimeOf)).map(ModelRuntime::imagePullSecrets).orElse(List.of());
    ObjectMeta meta = model.metadata();
    ObjectMeta roleMeta = new ObjectMeta(workloadName(meta.name(), role, worker), meta.namespace(), meta.labels(), Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    LatticeServiceSpec service = new LatticeServiceSpec(replicas, Optional.empty(), Optional.empty(), workload, Map.of(), pullSecrets,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    return new LatticeService(roleMeta, service, Optional.empty());
  }

  /**
   * A role's workload over the default one: containers and resources key by key (a role adds a
   * sidecar beside the default engine, as the reference system's decode role adds its metrics
   * exporter), the service ports as a whole.
   */
  static WorkloadSpec merge(Optional<WorkloadSpec> own, Optional<WorkloadSpec> fallback) {
    WorkloadSpec base = JobTasks.merge(own, fallback);
    Map<String, dev.lattice.model.service.ContainerSpec> containers = new LinkedHashMap<>(fallback.map(WorkloadSpec::containers).orElse(Map.of()));
    containers.putAll(own.map(WorkloadSpec::containers).orElse(Map.of()));
    return new WorkloadSpec(containers, base.service(), base.resources());
  }

  /** {@code workload} offering {@code port}: as declared when a port serves it, else added as {@link #MODEL_PORT}. */
  private static WorkloadSpec withPort(WorkloadSpec workload, int port) {
    Map<String, PortSpec> ports = new LinkedHashMap<>(workload.service().map(ServicePortsSpec::ports).orElse(Map.of()));
    if (ports.values().stream().anyMatch(p -> p.port() == port || p.effectiveTargetPort() == port)) {
      return workload;
    }
    ports.put(ports.containsKey(MODEL_PORT) ? "model" : MODEL_PORT, new PortSpec(port, Optional.empty(), PortSpec.Protocol.TCP));
    return new WorkloadSpec(workload.containers(),
        Optional.of(new ServicePortsSpec(ports, workload.service().flatMap(ServicePortsSpec::serviceType))), workload.resources());
  }

  /**
   * A role workload's service paths in the model document: {@code spec.workload.x} is {@code
   * spec.roles.<role>.<entry|worker>Workload.x} when written there, else {@code spec.defaults.…}.
   */
  record RolePaths(String role, String which, boolean defaults) implements SourceMap.PathRebase {
    @Override
    public List<String> candidates(String path) {
      String own = PathSyntax.child("spec.roles", role);
      if (!path.equals("spec") && !path.startsWith("spec.") || path.startsWith(own + ".") || path.equals(own)
          || path.startsWith("spec.defaults.") || path.startsWith("spec.roles.") || path.startsWith("spec.routing")
          || path.startsWith("spec.modelSource")) {
        return List.of(path);
      }
      String rest;
      if (path.equals("spec.workload") || path.startsWith("spec.workload.")) {
        rest = "." + which + "Workload" + path.substring("spec.workload".length());
      } else if (path.equals("spec.replicas")) {
        rest = which.equals("worker") ? ".workerReplicas" : ".replicas";
      } else if (path.startsWith("spec.imagePullSecrets")) {
        rest = "." + which + "Runtime" + path.substring("spec".length());
      } else {
        rest = path.substring("spec".length());
      }
      return defaults ? List.of(own + rest, "spec.defaults" + rest) : List.of(own + rest);
    }
  }
}
