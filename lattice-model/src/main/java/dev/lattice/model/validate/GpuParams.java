package dev.lattice.model.validate;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.service.ResourceSpec;
import java.util.Map;
import java.util.Set;

/**
 * The params of a {@code type: gpu} resource: {@code count} (whole GPUs, default 1), {@code memory}
 * (GPU memory per GPU, a quantity), {@code compute} (percent of each GPU's cores, 1–100), {@code
 * model} (a GPU type, matched by HAMi as a substring of the card's name) and {@code tolerations}
 * (default true: tolerate the GPU nodes' {@code nvidia.com/gpu} taint). A workload has at most one
 * GPU resource ({@code LAT1054}).
 */
public final class GpuParams {
  static final Set<String> KNOWN = Set.of("count", "memory", "compute", "model", "tolerations");

  private GpuParams() {}

  static void check(Findings f, Map<String, ResourceSpec> resources) {
    long gpus = resources.values().stream().filter(r -> ResourceSpec.GPU.equals(r.type())).count();
    resources.forEach((name, r) -> {
      if (!ResourceSpec.GPU.equals(r.type())) {
        return;
      }
      String path = Findings.child("spec.workload.resources", name);
      if (gpus > 1) {
        f.errorAtKey(Codes.GPU_RESOURCES, path, "a workload has at most one gpu resource; this one has " + gpus,
            "ask for all GPUs of the pod in one resource (params.count)");
      }
      params(f, path + ".params", r.params());
    });
  }

  /** {@code value} as a whole number when it is one (YAML integers bind as Integer, Long or BigInteger). */
  public static java.util.Optional<Long> whole(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return java.util.Optional.of(((Number) value).longValue());
    }
    if (value instanceof java.math.BigInteger b && b.bitLength() < 63) {
      return java.util.Optional.of(b.longValue());
    }
    return java.util.Optional.empty();
  }

  private static void params(Findings f, String path, Map<String, Object> params) {
    params.forEach((key, value) -> {
      String at = Findings.child(path, key);
      switch (key) {
        case "count" -> {
          if (whole(value).filter(n -> n >= 1).isEmpty()) {
            f.error(Codes.INVALID_VALUE, at, "count must be a whole number of GPUs, at least 1, not '" + value + "'",
                "for a share of one GPU, use count: 1 with memory and compute");
          }
        }
        case "compute" -> {
          if (whole(value).filter(n -> n >= 1 && n <= 100).isEmpty()) {
            f.error(Codes.INVALID_VALUE, at, "compute is a percentage of each GPU's cores, 1-100, not '" + value + "'", null);
          }
        }
        case "memory" -> {
          if (!(value instanceof String s) || Quantity.parse(s).filter(q -> q.signum() > 0).isEmpty()) {
            f.error(Codes.BAD_QUANTITY, at, "memory must be a quantity such as 16Gi, not '" + value + "'", null);
          }
        }
        case "model" -> {
          if (!(value instanceof String s) || s.isBlank() || s.contains(",")) {
            f.error(Codes.INVALID_VALUE, at, "model must be one GPU type such as H100 or A100-SXM4, not '" + value + "'", null);
          }
        }
        case "tolerations" -> {
          if (!(value instanceof Boolean)) {
            f.error(Codes.WRONG_TYPE, at, "tolerations is true (tolerate the nvidia.com/gpu taint, the default) or false", null);
          }
        }
        default -> f.errorAtKey(Codes.UNKNOWN_FIELD, at, "unknown gpu param '" + key + "'",
            dev.lattice.model.diagnostics.Suggestions.didYouMean(key, KNOWN).orElse("known params: " + new java.util.TreeSet<>(KNOWN)));
      }
    });
  }
}
