package dev.lattice.model.validate;

import dev.lattice.model.LatticeQuota;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.policy.LatticeQuotaSpec;
import java.util.Map;
import java.util.Set;

/** Single-document checks of a {@code LatticeQuota}. */
final class QuotaValidator {
  /** The resources a quota may limit. */
  static final Set<String> RESOURCES = Set.of("cpu", "memory", "nvidia.com/gpu");

  private QuotaValidator() {}

  static void validate(Findings f, LatticeQuota q) {
    LatticeQuotaSpec.Principal p = q.spec().principal();
    int kinds = (p.namespaces().isEmpty() ? 0 : 1) + (p.service().isPresent() ? 1 : 0) + (p.annotation().isPresent() ? 1 : 0);
    if (kinds != 1) {
      f.error(Codes.INVALID_VALUE, "spec.principal", "a quota principal is exactly one of namespaces, service or annotation",
          "write principal: {namespaces: [a, b]}, {service: ns/name} or {annotation: key=value}");
    }
    p.annotation().filter(a -> !a.contains("=")).ifPresent(a ->
        f.error(Codes.INVALID_VALUE, "spec.principal.annotation", "annotation '" + a + "' is not key=value", null));
    if (q.spec().limits().isEmpty() && q.spec().maxPerWorkload().isEmpty()) {
      f.error(Codes.MISSING_FIELD, "spec", "a quota needs limits or maxPerWorkload", null);
    }
    amounts(f, "spec.limits", q.spec().limits());
    amounts(f, "spec.maxPerWorkload", q.spec().maxPerWorkload());
  }

  private static void amounts(Findings f, String path, Map<String, String> amounts) {
    amounts.forEach((k, v) -> {
      String p = Findings.child(path, k);
      if (!RESOURCES.contains(k)) {
        f.errorAtKey(Codes.UNKNOWN_FIELD, p, "unknown quota resource '" + k + "'",
            dev.lattice.model.diagnostics.Suggestions.didYouMean(k, RESOURCES).orElse("use cpu, memory or nvidia.com/gpu"));
      } else if (Quantity.parse(v).isEmpty()) {
        f.error(Codes.BAD_QUANTITY, p, "'" + v + "' is not a valid quantity", null);
      }
    });
  }
}
