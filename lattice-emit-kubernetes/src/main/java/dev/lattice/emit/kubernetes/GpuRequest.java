package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.compiler.platform.GpuSharing;
import dev.lattice.model.service.LatticeServiceSpec;
import dev.lattice.model.service.ResourceSpec;
import dev.lattice.model.validate.GpuParams;
import dev.lattice.model.validate.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a {@code type: gpu} resource asks of the pod: {@code count} whole GPUs ({@code
 * nvidia.com/gpu}); with {@code memory} or {@code compute} a share of each through HAMi ({@code
 * nvidia.com/gpumem} in MiB, {@code nvidia.com/gpucores} in percent); with {@code model} HAMi's
 * {@code nvidia.com/use-gputype} annotation (a case-insensitive substring of the card's name, such
 * as {@code H100} or {@code A100-SXM4}). The last three exist only on HAMi's nodes, so they also
 * select them ({@code gpu: "on"}, {@link GpuSharing}); a plain count runs on any GPU node. Unless
 * {@code tolerations: false}, the pod tolerates the {@code nvidia.com/gpu} taint of GPU pools
 * (Kubernetes adds no toleration for an extended resource unless the ExtendedResourceToleration
 * admission plugin is on, and kubeadm does not turn it on).
 */
record GpuRequest(long count, Optional<Long> memoryMiB, Optional<Long> compute, Optional<String> model, boolean tolerate) {

  /** The request of the service's gpu resource (validation allows at most one). */
  static Optional<GpuRequest> of(LatticeServiceSpec spec) {
    return spec.workload().resources().values().stream().filter(r -> ResourceSpec.GPU.equals(r.type())).findFirst()
        .map(r -> {
          Map<String, Object> p = r.params();
          long count = GpuParams.whole(p.get("count")).orElse(1L);
          Optional<Long> memory = Optional.ofNullable(p.get("memory")).map(String::valueOf).flatMap(Quantity::parse)
              .map(bytes -> bytes.divide(BigDecimal.valueOf(1024L * 1024), 0, RoundingMode.UP).longValueExact());
          Optional<Long> compute = GpuParams.whole(p.get("compute"));
          Optional<String> model = p.get("model") instanceof String s ? Optional.of(s) : Optional.empty();
          return new GpuRequest(count, memory, compute, model, !Boolean.FALSE.equals(p.get("tolerations")));
        });
  }

  /** Whether the request needs HAMi (a share of a GPU, or a GPU type). */
  boolean shared() {
    return memoryMiB.isPresent() || compute.isPresent() || model.isPresent();
  }

  /** Limits and requests of the container that holds the GPUs. */
  Map<String, String> resources() {
    Map<String, String> out = new TreeMap<>();
    out.put(GpuSharing.GPU, String.valueOf(count));
    memoryMiB.ifPresent(m -> out.put(GpuSharing.GPU_MEMORY, String.valueOf(m)));
    compute.ifPresent(c -> out.put(GpuSharing.GPU_CORES, String.valueOf(c)));
    return out;
  }

  Map<String, String> nodeSelector() {
    return shared() ? Map.of(GpuSharing.HAMI_NODE_LABEL, GpuSharing.HAMI_NODE_VALUE) : Map.of();
  }

  Map<String, String> annotations() {
    return model.map(m -> Map.of(GpuSharing.USE_GPU_TYPE, m)).orElse(Map.of());
  }

  static ObjectNode toleration() {
    return Json.object().put("effect", "NoSchedule").put("key", GpuSharing.GPU).put("operator", "Exists");
  }
}
