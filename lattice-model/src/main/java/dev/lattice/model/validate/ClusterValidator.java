package dev.lattice.model.validate;

import dev.lattice.model.LatticeCluster;
import dev.lattice.model.cluster.InstanceType;
import dev.lattice.model.cluster.LatticeClusterSpec;
import dev.lattice.model.cluster.NodesSpec;
import dev.lattice.model.cluster.ProviderType;
import dev.lattice.model.diagnostics.Codes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Single-document checks of a {@code LatticeCluster}. */
final class ClusterValidator {
  private static final Pattern VERSION = Pattern.compile("v?[0-9]+\\.[0-9]+\\.[0-9]+");
  private static final Pattern GPU_FAMILY = Pattern.compile("(g[3-9]|gr6|p[2-9])[a-z]*\\.[a-z0-9-]+");
  static final String GPU_LABEL = "lattice.dev/gpu";
  static final String GPU_TAINT = "nvidia.com/gpu";

  private final Findings f;

  ClusterValidator(Findings f) {
    this.f = f;
  }

  void validate(LatticeCluster cluster) {
    LatticeClusterSpec spec = cluster.spec();
    KubernetesNames.label(cluster.metadata().name()).ifPresent(why -> f.error(Codes.INVALID_NAME, "metadata.name",
        "invalid cluster name '" + cluster.metadata().name() + "': " + why, "cluster names are DNS labels"));
    String version = spec.provider().kubernetes().version();
    if (!VERSION.matcher(version).matches()) {
      f.error(Codes.K8S_VERSION, "spec.provider.kubernetes.version", "Kubernetes version '" + version + "' is not MAJOR.MINOR.PATCH",
          "write e.g. 1.32.0");
    }
    List<ProviderType> present = spec.provider().config().present();
    Optional<ProviderType> provider = present.size() == 1 ? Optional.of(present.get(0)) : Optional.empty();
    if (present.isEmpty()) {
      f.error(Codes.UNKNOWN_PROVIDER, "spec.provider.config", "no provider settings",
          "add one of docker, aws, proxmox or openstack under spec.provider.config");
    } else if (present.size() > 1) {
      f.error(Codes.UNKNOWN_PROVIDER, "spec.provider.config", "settings for more than one provider: " + present,
          "keep the block of the provider named by providerRef");
    }
    NodesSpec.ControlPlane cp = spec.nodes().controlPlane();
    if (cp.replicas() < 1) {
      f.error(Codes.EVEN_CONTROL_PLANE, "spec.nodes.controlPlane.replicas", "a cluster needs at least one control-plane node", null);
    } else if (cp.replicas() % 2 == 0) {
      f.error(Codes.EVEN_CONTROL_PLANE, "spec.nodes.controlPlane.replicas", "an even control-plane count (" + cp.replicas()
          + ") gains no etcd fault tolerance over " + (cp.replicas() - 1), "use 1, 3 or 5");
    }
    cp.instanceType().ifPresent(t -> instanceType("spec.nodes.controlPlane.instanceType", t, provider));
    spec.nodes().workerPools().forEach((name, pool) -> pool(Findings.child("spec.nodes.workerPools", name), name, pool, provider));
    spec.parentConfig().ifPresent(pc -> {
      port("spec.parentConfig.grpcPort", pc.grpcPort());
      port("spec.parentConfig.bootstrapPort", pc.bootstrapPort());
      port("spec.parentConfig.proxyPort", pc.proxyPort());
    });
    DocumentValidator.labels(f, "metadata.labels", cluster.metadata().labels());
    spec.environment().ifPresent(v -> labelValue("spec.environment", v));
    spec.region().ifPresent(v -> labelValue("spec.region", v));
    if (provider.equals(Optional.of(ProviderType.AWS))) {
      gpuInstanceTypes(spec);
    }
  }

  private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

  /** {@code environment} and {@code region} become label values of the cluster's documents. */
  private void labelValue(String path, String value) {
    if (!LABEL_VALUE.matcher(value).matches()) {
      f.error(Codes.INVALID_VALUE, path, "'" + value + "' is not a Kubernetes label value (it labels the cluster's documents)",
          "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
  }

  /**
   * AWS GPU families: {@code g3}…{@code g6e}, {@code gr6}, {@code p2}…{@code p6} (a letter suffix such
   * as {@code dn}, {@code e}, {@code g} allowed). A pool asks for GPUs with label {@code
   * lattice.dev/gpu: "true"} or a {@code nvidia.com/gpu} taint.
   */
  private void gpuInstanceTypes(LatticeClusterSpec spec) {
    boolean anyGpuPool = false;
    for (var e : spec.nodes().workerPools().entrySet()) {
      NodesSpec.WorkerPool pool = e.getValue();
      Optional<String> type = pool.instanceType().flatMap(InstanceType::name);
      boolean gpuType = type.map(t -> GPU_FAMILY.matcher(t).matches()).orElse(false);
      anyGpuPool |= gpuType;
      boolean wantsGpu = "true".equals(pool.labels().get(GPU_LABEL)) || pool.taints().stream().anyMatch(t -> t.key().equals(GPU_TAINT));
      if (wantsGpu && !gpuType) {
        String path = Findings.child("spec.nodes.workerPools", e.getKey()) + (type.isPresent() ? ".instanceType" : "");
        f.warning(Codes.GPU_INSTANCE_TYPE, path, "GPU pool " + e.getKey() + " has " + type.map(t -> "instance type " + t)
            .orElse("no instance type") + ", which has no GPU", "use a GPU family such as g5.xlarge, g6.xlarge or p4d.24xlarge");
      }
    }
    if (spec.gpu().orElse(false) && !anyGpuPool) {
      f.warning(Codes.GPU_INSTANCE_TYPE, "spec.gpu", "gpu is on but no worker pool has a GPU instance type",
          "add a pool of a GPU family (g5, g6, p4d, ...) or turn gpu off");
    }
  }

  private void pool(String path, String name, NodesSpec.WorkerPool pool, Optional<ProviderType> provider) {
    KubernetesNames.label(name).ifPresent(why -> f.errorAtKey(Codes.INVALID_NAME, path, "invalid pool name '" + name + "': " + why, null));
    if (pool.replicas().isPresent() && pool.autoscaled()) {
      f.error(Codes.POOL_BOUNDS, path, "a pool has either replicas or min/max, not both",
          "use min/max for the cluster autoscaler, replicas for a fixed size");
    }
    if (pool.autoscaled() && (pool.min().isEmpty() || pool.max().isEmpty())) {
      f.error(Codes.POOL_BOUNDS, path, "an autoscaled pool needs both min and max", null);
    }
    if (pool.min().isPresent() && pool.max().isPresent() && pool.min().get() > pool.max().get()) {
      f.error(Codes.POOL_BOUNDS, path + ".min", "worker pool min " + pool.min().get() + " is above max " + pool.max().get(), null);
    }
    pool.replicas().filter(r -> r < 0).ifPresent(r -> f.error(Codes.POOL_BOUNDS, path + ".replicas", "replicas must not be negative", null));
    pool.min().filter(r -> r < 0).ifPresent(r -> f.error(Codes.POOL_BOUNDS, path + ".min", "min must not be negative", null));
    pool.instanceType().ifPresent(t -> instanceType(path + ".instanceType", t, provider));
    DocumentValidator.labels(f, path + ".labels", pool.labels());
    for (int i = 0; i < pool.taints().size(); i++) {
      String key = pool.taints().get(i).key();
      String p = path + ".taints[" + i + "].key";
      KubernetesNames.labelKey(key).ifPresent(why -> f.error(Codes.INVALID_NAME, p, "invalid taint key '" + key + "': " + why, null));
    }
  }

  private void instanceType(String path, InstanceType t, Optional<ProviderType> provider) {
    if (t.isNamed() && t.isExplicit()) {
      f.error(Codes.INSTANCE_TYPE, path, "an instance type is a name or {cores, memoryGib, diskGib}, not both", null);
      return;
    }
    if (!t.isNamed() && !t.isExplicit()) {
      f.error(Codes.INSTANCE_TYPE, path, "an empty instance type", "write a name or {cores, memoryGib, diskGib}");
      return;
    }
    if (provider.isEmpty()) {
      return;
    }
    switch (provider.get()) {
      case AWS, OPENSTACK -> {
        if (!t.isNamed()) {
          f.error(Codes.INSTANCE_TYPE, path, provider.get().wire() + " sizes machines by named instance type",
              provider.get() == ProviderType.AWS ? "write instanceType: {name: m7i.large}" : "write instanceType: {name: <flavor>}");
        }
      }
      case PROXMOX, BASIS -> {
        if (t.isNamed()) {
          f.error(Codes.INSTANCE_TYPE, path, provider.get().wire() + " has no named instance types",
              "write instanceType: {cores: 4, memoryGib: 8, diskGib: 50}");
        } else if (t.cores().isEmpty() || t.memoryGib().isEmpty()) {
          f.error(Codes.INSTANCE_TYPE, path, "an explicit instance type needs cores and memoryGib", null);
        }
      }
      case DOCKER -> f.warning(Codes.INSTANCE_TYPE, path, "docker machines have no size; instanceType is ignored", null);
      default -> { }
    }
    positive(path + ".cores", t.cores());
    positive(path + ".memoryGib", t.memoryGib());
    positive(path + ".diskGib", t.diskGib());
    positive(path + ".sockets", t.sockets());
  }

  private void positive(String path, Optional<Integer> v) {
    v.filter(x -> x < 1).ifPresent(x -> f.error(Codes.INVALID_VALUE, path, "must be at least 1", null));
  }

  private void port(String path, int port) {
    if (port < 1 || port > 65535) {
      f.error(Codes.PORT_RANGE, path, "port " + port + " is outside 1-65535", null);
    }
  }
}
