package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.SecretPlan;
import dev.lattice.compiler.plan.TemplateText;
import dev.lattice.compiler.plan.WorkloadPlan;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ExternalSecret} documents (external-secrets.io/v1). No secret value is ever written: a
 * secret resource syncs its keys ({@code data}, route 1) or the whole remote secret ({@code
 * dataFrom.extract}, route 5) into the Secret {@code <service>-<resource>}, typed {@code
 * kubernetes.io/dockerconfigjson} when the service pulls images with it (route 4); texts that mix
 * literal text and secrets (environment, route 2; files, route 3) become templated ExternalSecrets
 * whose {@code target.template.data} the operator renders.
 */
final class ExternalSecrets {
  static final String API_VERSION = "external-secrets.io/v1";
  static final String KIND = "ExternalSecret";
  static final String DOCKER_CONFIG = "kubernetes.io/dockerconfigjson";

  private ExternalSecrets() {}

  /** The ExternalSecret of one secret resource. */
  static Document forResource(WorkloadPlan w, SecretPlan s, boolean imagePull) {
    return Json.document(API_VERSION, KIND, Optional.of(w.ref().namespace()), s.secretName(), labels(w), body -> {
      ObjectNode spec = body.putObject("spec");
      if (s.keys().isEmpty() || imagePull) {
        spec.putArray("dataFrom").addObject().putObject("extract").put("key", s.remoteKey());
      } else {
        ArrayNode data = spec.putArray("data");
        s.keys().stream().sorted().distinct().forEach(k -> data.addObject()
            .<ObjectNode>set("remoteRef", Json.object().put("key", s.remoteKey()).put("property", k)).put("secretKey", k));
      }
      spec.put("refreshInterval", s.refreshInterval().orElse("1h"));
      store(spec.putObject("secretStoreRef"), s.store());
      ObjectNode target = spec.putObject("target").put("creationPolicy", "Owner").put("name", s.secretName());
      Optional<String> type = imagePull ? Optional.of(DOCKER_CONFIG) : s.secretType();
      type.ifPresent(t -> target.putObject("template").put("engineVersion", "v2").put("type", t));
    });
  }

  /**
   * A templated ExternalSecret named {@code name} whose Secret holds {@code templates} (key → text)
   * rendered with the secret keys they reference.
   */
  static Document templated(WorkloadPlan w, String name, Map<String, TemplateText> templates) {
    Set<TemplateText.SecretRef> refs = new LinkedHashSet<>();
    templates.values().forEach(t -> refs.addAll(t.secrets()));
    String firstStore = refs.stream().findFirst().map(r -> w.secrets().get(r.resource()).store()).orElse("default");
    return Json.document(API_VERSION, KIND, Optional.of(w.ref().namespace()), name, labels(w), body -> {
      ObjectNode spec = body.putObject("spec");
      ArrayNode data = spec.putArray("data");
      refs.stream().sorted(java.util.Comparator.comparing(ExternalSecrets::secretKey)).forEach(r -> {
        SecretPlan s = w.secrets().get(r.resource());
        ObjectNode item = data.addObject();
        item.putObject("remoteRef").put("key", s.remoteKey()).put("property", r.key());
        item.put("secretKey", secretKey(r));
        if (!s.store().equals(firstStore)) {
          store(item.putObject("sourceRef").putObject("storeRef"), s.store());
        }
      });
      spec.put("refreshInterval", "1h");
      store(spec.putObject("secretStoreRef"), firstStore);
      ObjectNode template = spec.putObject("target").put("creationPolicy", "Owner").put("name", name)
          .putObject("template");
      ObjectNode rendered = template.putObject("data");
      new java.util.TreeMap<>(templates).forEach((k, t) -> rendered.put(k, goTemplate(t)));
      template.put("engineVersion", "v2");
    });
  }

  /** The key a referenced secret value gets inside a templated ExternalSecret. */
  static String secretKey(TemplateText.SecretRef r) {
    return (r.resource() + "." + r.key()).replaceAll("[^-._a-zA-Z0-9]", "_");
  }

  /** Literal text with {@code {{} escaped, secret references as {@code {{ index . "key" }}}. */
  static String goTemplate(TemplateText t) {
    StringBuilder sb = new StringBuilder();
    for (TemplateText.Part p : t.parts()) {
      if (p instanceof TemplateText.Literal l) {
        sb.append(l.text().replace("{{", "{{ \"{{\" }}"));
      } else if (p instanceof TemplateText.SecretRef r) {
        sb.append("{{ index . \"").append(secretKey(r)).append("\" }}");
      }
    }
    return sb.toString();
  }

  private static void store(ObjectNode ref, String name) {
    ref.put("kind", "ClusterSecretStore").put("name", name);
  }

  private static Map<String, String> labels(WorkloadPlan w) {
    return Map.of(Json.NAME_LABEL, w.ref().name());
  }
}
