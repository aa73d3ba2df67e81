package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the apiserver checks beyond the OpenAPI schema (a subset of its Go validation in
 * k8s.io/kubernetes {@code pkg/apis/core/validation} and apimachinery's ObjectMeta validation):
 * object names per kind, namespaces, annotation keys and size, label keys and values, and for
 * built-in workloads the selector/template match, unique container and volume names, mounts of
 * existing volumes, IANA port names, named Service ports, ConfigMap and Secret keys, HPA bounds,
 * and a PodDisruptionBudget with only one of minAvailable and maxUnavailable.
 */
final class ApiServerChecks {
  private static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

  private ApiServerChecks() {}

  static void metadata(JsonNode doc, String group, String kind, Problems out) {
    JsonNode md = doc.get("metadata");
    if (md == null) {
      out.add("/metadata", "Required value: metadata is required");
      return;
    }
    if (!md.isObject()) {
      out.add("/metadata", "must be object (got " + Json.typeName(md) + ")");
      return;
    }
    NameRules.Rule rule = NameRules.forName(group, kind);
    String name = md.path("name").isTextual() ? md.get("name").asText() : null;
    if (md.get("name") == null || "".equals(name)) {
      JsonNode generate = md.get("generateName");
      if (generate == null || "".equals(generate.asText())) {
        out.add("/metadata/name", "Required value: name or generateName is required");
      } else if (generate.isTextual()) {
        String base = generate.asText().replaceAll("-$", "");
        rule.check().apply(base.isEmpty() ? "a" : base).ifPresent(e ->
            out.add("/metadata/generateName", "Invalid value: " + Problems.quote(generate.asText()) + ": " + e));
      }
    } else if (name != null) {
      rule.check().apply(name).ifPresent(e -> out.add("/metadata/name", "Invalid value: " + Problems.quote(name)
          + ": " + e + " (" + kind + " names must be a " + rule.name() + ")"));
    }
    JsonNode ns = md.get("namespace");
    if (ns != null && ns.isTextual() && !ns.asText().isEmpty()) {
      NameRules.label(ns.asText()).ifPresent(e ->
          out.add("/metadata/namespace", "Invalid value: " + Problems.quote(ns.asText()) + ": " + e));
    }
    JsonNode annotations = md.get("annotations");
    if (annotations != null && annotations.isObject()) {
      long total = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        NameRules.qualifiedName(k.toLowerCase(java.util.Locale.ROOT)).ifPresent(problem -> out.add(
            "/metadata/annotations/" + Problems.token(k), "Invalid value: " + Problems.quote(k) + ": " + problem));
        total += k.length() + (e.getValue().isTextual() ? e.getValue().asText().length() : 0);
      }
      if (total > ANNOTATIONS_MAX_BYTES) {
        out.add("/metadata/annotations",
            "Too long: annotations must have at most " + ANNOTATIONS_MAX_BYTES + " bytes (" + total + ")");
      }
    }
  }

  /**
   * Label rules: for built-in kinds at every {@code metadata.labels} and {@code matchLabels}
   * (selectors and pod templates are validated there) and a Service's selector; for custom
   * resources only the object's own labels — nested maps in a custom resource (Cilium's
   * {@code k8s:}-prefixed selector keys, Kyverno patterns) are data to the apiserver.
   */
  static void labels(JsonNode doc, String group, String kind, boolean core, Problems out) {
    if (!core) {
      JsonNode md = doc.get("metadata");
      if (md != null && md.isObject()) {
        labelMap(md.get("labels"), "/metadata/labels", out);
      }
      return;
    }
    walkLabels(doc, "", null, out);
    if (group.isEmpty() && kind.equals("Service") && doc.path("spec").isObject()) {
      labelMap(doc.get("spec").get("selector"), "/spec/selector", out);
    }
  }

  private static void walkLabels(JsonNode o, String ptr, String parentKey, Problems out) {
    if (o.isArray()) {
      for (int i = 0; i < o.size(); i++) {
        walkLabels(o.get(i), ptr + "/" + i, null, out);
      }
      return;
    }
    if (!o.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = ptr + "/" + Problems.token(e.getKey());
      if ((e.getKey().equals("labels") && "metadata".equals(parentKey)) || e.getKey().equals("matchLabels")) {
        labelMap(e.getValue(), p, out);
      } else {
        walkLabels(e.getValue(), p, e.getKey(), out);
      }
    }
  }

  private static void labelMap(JsonNode m, String ptr, Problems out) {
    if (m == null || !m.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = ptr + "/" + Problems.token(e.getKey());
      NameRules.qualifiedName(e.getKey()).ifPresent(problem ->
          out.add(at, "Invalid value: " + Problems.quote(e.getKey()) + ": label key: " + problem));
      if (e.getValue().isTextual()) {
        NameRules.labelValue(e.getValue().asText()).ifPresent(problem ->
            out.add(at, "Invalid value: " + Problems.quote(e.getValue().asText()) + ": " + problem));
      }
    }
  }

  static void core(JsonNode doc, String group, String kind, Problems out) {
    JsonNode spec = doc.path("spec").isObject() ? doc.get("spec") : null;
    if (group.equals("apps") && List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet").contains(kind)
        && spec != null) {
      workload(spec, kind, out);
    }
    if (group.equals("batch") && kind.equals("Job") && spec != null && spec.has("template")) {
      podSpec(spec.get("template").get("spec"), "/spec/template/spec", Set.of(), out);
    }
    if (group.equals("batch") && kind.equals("CronJob") && spec != null) {
      JsonNode pod = spec.path("jobTemplate").path("spec").path("template");
      if (!pod.isMissingNode()) {
        podSpec(pod.get("spec"), "/spec/jobTemplate/spec/template/spec", Set.of(), out);
      }
    }
    if (group.isEmpty() && kind.equals("Pod")) {
      podSpec(spec, "/spec", Set.of(), out);
    }
    if (group.isEmpty() && kind.equals("Service") && spec != null && spec.path("ports").isArray()) {
      servicePorts(spec.get("ports"), out);
    }
    if (group.isEmpty() && (kind.equals("ConfigMap") || kind.equals("Secret"))) {
      configKeys(doc, kind, out);
    }
    if (group.equals("autoscaling") && kind.equals("HorizontalPodAutoscaler") && spec != null) {
      JsonNode min = spec.get("minReplicas");
      JsonNode max = spec.get("maxReplicas");
      if (min != null && min.isNumber() && min.asDouble() < 1) {
        out.add("/spec/minReplicas", "Invalid value: must be greater than or equal to 1");
      }
      if (max != null && max.isNumber() && max.asDouble() < (min != null && min.isNumber() ? min.asDouble() : 1)) {
        out.add("/spec/maxReplicas", "Invalid value: must be greater than or equal to `minReplicas`");
      }
    }
    if (group.equals("policy") && kind.equals("PodDisruptionBudget") && spec != null
        && spec.has("minAvailable") && spec.has("maxUnavailable")) {
      out.add("/spec", "Invalid value: minAvailable and maxUnavailable cannot be both set");
    }
  }

  private static void workload(JsonNode spec, String kind, Problems out) {
    JsonNode sel = spec.get("selector");
    if (sel != null && sel.isObject()) {
      boolean empty = sel.path("matchLabels").size() == 0 && sel.path("matchExpressions").size() == 0;
      if (empty) {
        out.add("/spec/selector", "Invalid value: empty selector is invalid for " + kind);
      }
      if (!Selectors.matches(sel, spec.path("template").path("metadata").path("labels"))) {
        out.add("/spec/template/metadata/labels", "Invalid value: `selector` does not match template `labels`");
      }
    }
    Set<String> claims = new HashSet<>();
    if (kind.equals("StatefulSet")) {
      spec.path("volumeClaimTemplates").forEach(c -> {
        String n = c.path("metadata").path("name").asText("");
        if (!n.isEmpty()) {
          claims.add(n);
        }
      });
    }
    if (spec.has("template")) {
      podSpec(spec.get("template").get("spec"), "/spec/template/spec", claims, out);
    }
  }

  private static void podSpec(JsonNode ps, String ptr, Set<String> extraVolumes, Problems out) {
    if (ps == null || !ps.isObject()) {
      return;
    }
    Set<String> volumes = new HashSet<>(extraVolumes);
    JsonNode vols = ps.path("volumes");
    for (int i = 0; i < vols.size(); i++) {
      JsonNode name = vols.get(i).get("name");
      if (name == null || !name.isTextual()) {
        continue;
      }
      String n = name.asText();
      String at = ptr + "/volumes/" + i + "/name";
      NameRules.label(n).ifPresent(e -> out.add(at, "Invalid value: " + Problems.quote(n) + ": " + e));
      if (!volumes.add(n)) {
        out.add(at, "Duplicate value: " + Problems.quote(n));
      }
    }
    Map<String, String> names = new HashMap<>();
    for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
      JsonNode list = ps.path(field);
      for (int i = 0; i < list.size(); i++) {
        JsonNode c = list.get(i);
        if (!c.isObject()) {
          continue;
        }
        String cp = ptr + "/" + field + "/" + i;
        if (c.path("name").isTextual()) {
          String n = c.get("name").asText();
          NameRules.label(n).ifPresent(e -> out.add(cp + "/name", "Invalid value: " + Problems.quote(n) + ": " + e));
          if (names.putIfAbsent(n, cp) != null) {
            out.add(cp + "/name", "Duplicate value: " + Problems.quote(n));
          }
        }
        Set<String> portNames = new HashSet<>();
        JsonNode ports = c.path("ports");
        for (int j = 0; j < ports.size(); j++) {
          JsonNode pn = ports.get(j).get("name");
          if (pn == null || !pn.isTextual()) {
            continue;
          }
          String n = pn.asText();
          String at = cp + "/ports/" + j + "/name";
          NameRules.portName(n).ifPresent(e -> out.add(at, "Invalid value: " + Problems.quote(n) + ": " + e));
          if (!portNames.add(n)) {
            out.add(at, "Duplicate value: " + Problems.quote(n));
          }
        }
        JsonNode mounts = c.path("volumeMounts");
        for (int j = 0; j < mounts.size(); j++) {
          JsonNode mn = mounts.get(j).get("name");
          if (mn != null && mn.isTextual() && !volumes.contains(mn.asText())) {
            out.add(cp + "/volumeMounts/" + j + "/name", "Not found: " + Problems.quote(mn.asText())
                + " (no volume with this name in the pod spec)");
          }
        }
      }
    }
  }

  private static void servicePorts(JsonNode ports, Problems out) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonNode p = ports.get(i);
      if (!p.isObject()) {
        continue;
      }
      String name = p.path("name").asText("");
      if (ports.size() > 1 && name.isEmpty()) {
        out.add("/spec/ports/" + i + "/name", "Required value: port name is required when more than one port is defined");
      }
      if (!name.isEmpty()) {
        int index = i;
        NameRules.label(name).ifPresent(e ->
            out.add("/spec/ports/" + index + "/name", "Invalid value: " + Problems.quote(name) + ": " + e));
        if (!seen.add(name)) {
          out.add("/spec/ports/" + i + "/name", "Duplicate value: " + Problems.quote(name));
        }
      }
    }
  }

  private static void configKeys(JsonNode doc, String kind, Problems out) {
    Set<String> keys = new HashSet<>();
    List<String> fields = kind.equals("ConfigMap") ? List.of("data", "binaryData") : List.of("data", "stringData");
    for (String field : fields) {
      JsonNode m = doc.get(field);
      if (m == null || !m.isObject()) {
        continue;
      }
      for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        String at = "/" + field + "/" + Problems.token(k);
        Optional<String> problem = NameRules.configKey(k);
        problem.ifPresent(e -> out.add(at, "Invalid value: " + Problems.quote(k) + ": " + e));
        if (kind.equals("ConfigMap") && !keys.add(k)) {
          out.add(at, "Invalid value: " + Problems.quote(k) + ": duplicate of key present in data");
        }
      }
    }
  }
}
