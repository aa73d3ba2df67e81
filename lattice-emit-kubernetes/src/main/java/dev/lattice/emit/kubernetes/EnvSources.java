package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.document.ObjectNames;
import dev.lattice.compiler.plan.SecretPlan;
import dev.lattice.compiler.plan.TemplateText;
import dev.lattice.compiler.plan.WorkloadPlan;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where each container's environment comes from: plain variables from the ConfigMap {@code
 * <service>-<container>-env}; a variable that is exactly one secret key from that key of the synced
 * Secret; variables mixing text and secrets from the templated ExternalSecret {@code
 * <service>-<container>-secret-env}.
 */
final class EnvSources {
  private final WorkloadPlan plan;

  EnvSources(WorkloadPlan plan) {
    this.plan = plan;
  }

  String configMapName(String container) {
    return ObjectNames.derived(plan.ref().name(), container + "-env");
  }

  String secretName(String container) {
    return ObjectNames.derived(plan.ref().name(), container + "-secret-env");
  }

  /** Plain variables of a container. */
  Map<String, String> plain(String container) {
    Map<String, String> out = new TreeMap<>();
    vars(container).forEach((k, v) -> v.literal().ifPresent(text -> out.put(k, text)));
    return out;
  }

  /** Variables of a container that mix text and secrets. */
  Map<String, TemplateText> templated(String container) {
    Map<String, TemplateText> out = new TreeMap<>();
    vars(container).forEach((k, v) -> {
      if (v.hasSecrets() && v.soleSecret().isEmpty()) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The {@code env} and {@code envFrom} of a container, set on {@code node} when not empty. */
  void apply(String container, ObjectNode node) {
    ArrayNode env = Json.array();
    vars(container).forEach((k, v) -> v.soleSecret().ifPresent(ref -> {
      SecretPlan s = plan.secrets().get(ref.resource());
      ObjectNode e = env.addObject().put("name", k);
      e.putObject("valueFrom").putObject("secretKeyRef").put("key", ref.key()).put("name", s.secretName());
    }));
    if (!env.isEmpty()) {
      node.set("env", env);
    }
    ArrayNode from = Json.array();
    if (!plain(container).isEmpty()) {
      from.addObject().putObject("configMapRef").put("name", configMapName(container));
    }
    if (!templated(container).isEmpty()) {
      from.addObject().putObject("secretRef").put("name", secretName(container));
    }
    if (!from.isEmpty()) {
      node.set("envFrom", from);
    }
  }

  private Map<String, TemplateText> vars(String container) {
    return Optional.ofNullable(plan.variables().get(container)).orElse(Map.of());
  }
}
