package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.document.ObjectNames;
import dev.lattice.compiler.plan.ModelPlan;
import dev.lattice.compiler.plan.SecretPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.compiler.platform.Kthena;
import dev.lattice.model.ModelRoles;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.inference.LatticeModelSpec;
import dev.lattice.model.inference.ModelAutoscaling;
import dev.lattice.model.inference.ModelRouting;
import dev.lattice.model.inference.ModelSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Kthena documents of a {@code LatticeModel} (volcano-sh/kthena, the bundled CRD schemas):
 *
 * <ul>
 *   <li>{@code ModelServing <model>} ({@code workload.serving.volcano.sh/v1alpha1}): one serving
 *       group with a role per declared role, its entry template and (with {@code workerReplicas})
 *       worker template the pod templates the role's workloads compile to. Kthena creates each pod
 *       from the template's spec as written and copies the template's labels onto it, beside its own
 *       {@code modelserving.volcano.sh/*} labels (pkg/model-serving-controller/utils/utils.go
 *       {@code GenerateEntryPod}, {@code addPodLabelAndAnnotation}), so the pods carry {@code
 *       lattice.dev/service: <model>-<role>[-worker]} — what the roles' own policies select — and
 *       {@code lattice.dev/model}, {@code lattice.dev/model-entry} for the model's policies; Kthena
 *       overwrites the pod's {@code schedulerName} with the ModelServing's (default {@code volcano}),
 *       so the template carries none. An autoscaled role's {@code replicas} is left to the autoscaler.
 *   <li>{@code ModelServer <model>} ({@code networking.serving.volcano.sh/v1alpha1}): the engine, the
 *       model name, the routing port as {@code workloadPort}, the entry pods as {@code
 *       workloadSelector}; when prefill and decode are separate, the {@code pdGroup} pairing them
 *       within a serving group ({@code modelserving.volcano.sh/group-name}, {@code
 *       modelserving.volcano.sh/role}, as Kthena's own ModelBooster writes it:
 *       pkg/model-booster-controller/convert/testdata/expected/pd-model-server.yaml) and the KV
 *       connector type.
 *   <li>{@code ModelRoute <model>-<route>} per route (one {@code <model>} route to the ModelServer
 *       when none is declared), targets defaulting to this model's ModelServer.
 *   <li>{@code AutoscalingPolicy <model>-<role>} per autoscaled role: a {@code disaggregatedTarget}
 *       of that one role (Kthena allows a single role "to autoscale one role independently":
 *       pkg/apis/workload/v1alpha1/autoscalingpolicy_types.go), its metrics scraped from the pods.
 *   <li>With a {@code modelSource}: the cache — a PersistentVolumeClaim {@code <model>-model-cache}
 *       of {@code cacheSize} (ReadWriteMany: every pod of the model mounts it), the existing claim of
 *       {@code cacheUri: pvc://<claim>}, or an emptyDir — mounted at {@code mountPath} in every
 *       container, and Kthena's downloader as an init container ({@code --source <uri> --output-dir
 *       <mountPath>}, python/kthena/downloader; the token as {@code HF_AUTH_TOKEN}, which its app.py
 *       reads) from the Secret the {@code model-token} ExternalSecret syncs.
 * </ul>
 */
final class KthenaModel {
  static final String WORKLOAD_API = "workload.serving.volcano.sh/v1alpha1";
  static final String NETWORKING_API = "networking.serving.volcano.sh/v1alpha1";
  /** Kthena's pod labels that pair prefill with decode (pkg/apis/workload/v1alpha1/labels.go). */
  static final String GROUP_LABEL = "modelserving.volcano.sh/group-name";
  static final String ROLE_LABEL = "modelserving.volcano.sh/role";
  static final String CACHE_VOLUME = "model-cache";
  static final String DOWNLOADER = "model-download";
  /** The user and group the downloader runs as when the main container names none ({@code nobody}). */
  static final int NOBODY = 65534;

  private KthenaModel() {}

  static List<Document> of(ModelPlan model, Map<ObjectRef, ObjectNode> templates, Map<ObjectRef, WorkloadPlan> workloads) {
    List<Document> out = new ArrayList<>();
    LatticeModelSpec spec = model.model().spec();
    String ns = model.ref().namespace();
    String name = model.ref().name();
    Map<String, String> labels = Map.of(Json.NAME_LABEL, name);
    out.add(Json.document(WORKLOAD_API, "ModelServing", Optional.of(ns), name, labels, body -> {
      ObjectNode s = body.putObject("spec");
      spec.recoveryPolicy().ifPresent(p -> s.put("recoveryPolicy", p.wire()));
      s.put("replicas", 1);
      s.put("schedulerName", spec.schedulerName().orElse(dev.lattice.model.job.LatticeJobSpec.VOLCANO));
      ObjectNode template = s.putObject("template");
      spec.restartGracePeriodSeconds().ifPresent(g -> template.put("restartGracePeriodSeconds", g));
      ArrayNode roles = template.putArray("roles");
      for (ModelPlan.Role role : model.roles()) {
        ObjectNode r = roles.addObject();
        r.set("entryTemplate", template(model, role.entry(), true, templates, workloads));
        r.put("name", role.name());
        if (role.autoscaling().isEmpty()) {
          // the autoscaler owns an autoscaled role's replicas: writing them would reset it on every apply
          r.put("replicas", role.replicas());
        }
        r.put("workerReplicas", role.workerReplicas());
        role.worker().ifPresent(w -> r.set("workerTemplate", template(model, w, false, templates, workloads)));
      }
    }));
    out.add(modelServer(model, labels));
    routes(model, labels, out);
    for (ModelPlan.Role role : model.roles()) {
      role.autoscaling().ifPresent(a -> out.add(autoscaling(model, role, a, labels)));
    }
    spec.modelSource().flatMap(ModelSource::cacheSize).ifPresent(size ->
        out.add(Json.document("v1", "PersistentVolumeClaim", Optional.of(ns), cacheClaim(model).orElseThrow(), labels, body -> {
          ObjectNode s = body.putObject("spec");
          s.set("accessModes", Json.strings(List.of("ReadWriteMany")));
          s.putObject("resources").putObject("requests").put("storage", size);
        })));
    return out;
  }

  /** The claim the cache mounts: Lattice's own for a {@code cacheSize}, the named one for {@code cacheUri}, none for an emptyDir. */
  static Optional<String> cacheClaim(ModelPlan model) {
    Optional<ModelSource> source = model.model().spec().modelSource();
    if (source.flatMap(ModelSource::cacheSize).isPresent()) {
      return Optional.of(ObjectNames.derived(model.ref().name(), CACHE_VOLUME));
    }
    return source.flatMap(ModelSource::cacheUri).map(u -> u.substring("pvc://".length()));
  }

  private static ObjectNode template(ModelPlan model, ObjectRef workload, boolean entry, Map<ObjectRef, ObjectNode> templates,
      Map<ObjectRef, WorkloadPlan> workloads) {
    ObjectNode compiled = templates.get(workload).deepCopy();
    ObjectNode metadata = (ObjectNode) compiled.get("metadata");
    TreeMap<String, String> labels = new TreeMap<>();
    metadata.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    labels.put(Json.MODEL_LABEL, model.ref().name());
    if (entry) {
      labels.put(Json.MODEL_ENTRY_LABEL, model.ref().name());
    }
    metadata.set("labels", Json.sortedMap(labels));
    ObjectNode pod = (ObjectNode) compiled.get("spec");
    pod.remove("schedulerName"); // Kthena writes the ModelServing's
    model.model().spec().modelSource().ifPresent(source -> cache(model, source, pod, workloads.get(workload)));
    return sorted(compiled);
  }

  /** Mounts the cache in every container and runs the downloader before them. */
  private static void cache(ModelPlan model, ModelSource source, ObjectNode pod, WorkloadPlan w) {
    String path = source.mountPathOrDefault();
    ObjectNode volume = Json.object().put("name", CACHE_VOLUME);
    cacheClaim(model).ifPresentOrElse(c -> volume.putObject("persistentVolumeClaim").put("claimName", c), () -> volume.putObject("emptyDir"));
    TreeMap<String, JsonNode> volumes = new TreeMap<>();
    pod.withArray("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
    volumes.put(CACHE_VOLUME, volume);
    ArrayNode vs = pod.putArray("volumes");
    volumes.values().forEach(vs::add);
    JsonNode security = null;
    for (JsonNode c : pod.withArray("containers")) {
      mount((ObjectNode) c, path);
      security = security == null ? c.get("securityContext") : security;
    }
    ObjectNode init = Json.object();
    init.set("args", Json.strings(List.of("--source", source.uri(), "--output-dir", path)));
    init.set("command", Json.strings(List.of(Kthena.DOWNLOADER_BINARY, Kthena.DOWNLOADER_SCRIPT)));
    ArrayNode env = init.putArray("env");
    Optional<SecretPlan> token = Optional.ofNullable(w.secrets().get(ModelRoles.TOKEN_RESOURCE));
    source.tokenSecret().ifPresent(t -> token.ifPresent(s -> {
      ObjectNode ref = Json.object();
      ref.putObject("secretKeyRef").put("key", t.keyOrDefault()).put("name", s.secretName());
      env.addObject().put("name", "HF_AUTH_TOKEN").set("valueFrom", ref);
    }));
    // the root filesystem is read-only: the Hugging Face client keeps its own cache under the model cache
    env.addObject().put("name", "HF_HOME").put("value", path + "/.hf-home");
    init.put("image", source.downloaderImage().orElse(ModelSource.DEFAULT_DOWNLOADER));
    init.put("name", DOWNLOADER);
    ObjectNode context = security != null ? (ObjectNode) security.deepCopy() : Json.object();
    if (!context.has("runAsUser")) {
      // the downloader's image (FROM python:3.12-slim) has no USER: runAsNonRoot needs a numeric one
      context.put("runAsUser", NOBODY);
    }
    init.set("securityContext", sorted(context));
    ObjectNode podContext = pod.with("securityContext");
    if (!podContext.has("fsGroup")) {
      // the downloader writes the cache: the claim's files get this group, which the pod's containers share
      podContext.put("fsGroup", NOBODY);
      sortFields(podContext);
    }
    mount(init, path);
    ArrayNode inits = pod.withArray("initContainers");
    ArrayNode all = Json.array();
    all.add(sorted(init));
    inits.forEach(all::add);
    pod.set("initContainers", all);
    sortFields(pod);
  }

  private static void mount(ObjectNode container, String path) {
    TreeMap<String, JsonNode> byPath = new TreeMap<>();
    container.withArray("volumeMounts").forEach(m -> byPath.put(m.path("mountPath").asText(), m));
    byPath.putIfAbsent(path, Json.object().put("mountPath", path).put("name", CACHE_VOLUME));
    ArrayNode mounts = container.putArray("volumeMounts");
    byPath.values().forEach(mounts::add);
    sortFields(container);
  }

  private static Document modelServer(ModelPlan model, Map<String, String> labels) {
    ModelRouting routing = model.model().spec().routing();
    return Json.document(NETWORKING_API, "ModelServer", Optional.of(model.ref().namespace()), model.ref().name(), labels, body -> {
      ObjectNode s = body.putObject("spec");
      s.put("inferenceEngine", routing.inferenceEngine().wire());
      if (model.disaggregated()) {
        routing.kvConnector().flatMap(ModelRouting.KvConnector::type).ifPresent(t -> s.putObject("kvConnector").put("type", t.wire()));
      }
      s.put("model", routing.model());
      if (!routing.trafficPolicy().isEmpty()) {
        s.set("trafficPolicy", Json.object().setAll((ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(new TreeMap<>(routing.trafficPolicy()))));
      }
      s.putObject("workloadPort").put("port", routing.port());
      ObjectNode selector = s.putObject("workloadSelector");
      selector.set("matchLabels", Json.sortedMap(Map.of(Json.MODEL_ENTRY_LABEL, model.ref().name())));
      if (model.disaggregated()) {
        ObjectNode pd = selector.putObject("pdGroup");
        pd.set("decodeLabels", Json.sortedMap(Map.of(ROLE_LABEL, LatticeModelSpec.DECODE)));
        pd.put("groupKey", GROUP_LABEL);
        pd.set("prefillLabels", Json.sortedMap(Map.of(ROLE_LABEL, LatticeModelSpec.PREFILL)));
      }
    });
  }

  private static void routes(ModelPlan model, Map<String, String> labels, List<Document> out) {
    ModelRouting routing = model.model().spec().routing();
    Map<String, ModelRouting.Route> routes = routing.routes().isEmpty()
        ? Map.of("", new ModelRouting.Route(Optional.empty(), List.of(), List.of(new ModelRouting.Rule(Optional.of("default"), Map.of(),
            List.of(new ModelRouting.Target(Optional.empty(), Optional.empty()))))))
        : routing.routes();
    routes.forEach((key, route) -> {
      String name = key.isEmpty() ? model.ref().name() : ObjectNames.derived(model.ref().name(), key);
      out.add(Json.document(NETWORKING_API, "ModelRoute", Optional.of(model.ref().namespace()), name, labels, body -> {
        ObjectNode s = body.putObject("spec");
        if (!route.loraAdapters().isEmpty()) {
          s.set("loraAdapters", Json.strings(route.loraAdapters()));
        }
        s.put("modelName", route.modelName().orElse(routing.model()));
        ArrayNode rules = s.putArray("rules");
        for (ModelRouting.Rule rule : route.rules()) {
          ObjectNode r = rules.addObject();
          if (!rule.modelMatch().isEmpty()) {
            r.set("modelMatch", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(new TreeMap<>(rule.modelMatch())));
          }
          rule.name().ifPresent(n -> r.put("name", n));
          ArrayNode targets = r.putArray("targetModels");
          for (ModelRouting.Target t : rule.targetModels()) {
            ObjectNode target = targets.addObject().put("modelServerName", t.modelServerName().orElse(model.ref().name()));
            t.weight().ifPresent(w -> target.put("weight", w));
          }
        }
      }));
    });
  }

  private static Document autoscaling(ModelPlan model, ModelPlan.Role role, ModelAutoscaling a, Map<String, String> labels) {
    int port = role.metricPort();
    return Json.document(WORKLOAD_API, "AutoscalingPolicy", Optional.of(model.ref().namespace()),
        ObjectNames.derived(model.ref().name(), role.name()), labels, body -> {
          ObjectNode s = body.putObject("spec");
          a.behavior().ifPresent(b -> s.set("behavior", behavior(b)));
          ObjectNode target = s.putObject("disaggregatedTarget");
          ObjectNode r = target.putObject("roles").putObject(role.name());
          r.put("maxReplicas", a.max());
          ObjectNode sources = r.putObject("metricSources");
          a.metrics().stream().sorted(java.util.Comparator.comparing(ModelAutoscaling.Metric::metric)).forEach(m ->
              sources.putObject(m.metric()).putObject("pod").put("name", m.metric()).put("port", m.port().orElse(port))
                  .put("uri", m.path().orElse("/metrics")));
          r.put("minReplicas", a.min().orElse(role.replicas()));
          target.putObject("targetRef").put("kind", "ModelServing").put("name", model.ref().name());
          ArrayNode metrics = s.putArray("metrics");
          a.metrics().forEach(m -> metrics.addObject().put("name", m.metric()).put("targetValue", quantity(m.target())));
          a.tolerancePercent().ifPresent(t -> s.put("tolerancePercent", t));
        });
  }

  private static ObjectNode behavior(ModelAutoscaling.Behavior b) {
    ObjectNode out = Json.object();
    b.scaleDown().ifPresent(d -> {
      ObjectNode n = out.putObject("scaleDown");
      d.period().ifPresent(p -> n.put("period", p));
      d.stabilizationWindow().ifPresent(w -> n.put("stabilizationWindow", w));
    });
    b.scaleUp().ifPresent(u -> {
      ObjectNode n = out.putObject("scaleUp");
      if (u.panicThresholdPercent().isPresent() || u.panicModeHold().isPresent()) {
        // the panic policy requires a period; it takes the scale-up period (Kthena's stable default, 15s, without one)
        ObjectNode panic = n.putObject("panicPolicy");
        u.panicModeHold().ifPresent(h -> panic.put("panicModeHold", h));
        u.panicThresholdPercent().ifPresent(p -> panic.put("panicThresholdPercent", p));
        panic.put("period", u.period().orElse("15s"));
      }
      if (u.period().isPresent() || u.stabilizationWindow().isPresent()) {
        ObjectNode stable = n.putObject("stablePolicy");
        u.period().ifPresent(p -> stable.put("period", p));
        u.stabilizationWindow().ifPresent(w -> stable.put("stabilizationWindow", w));
      }
    });
    return out;
  }

  /** A metric target as a Kubernetes quantity string ({@code 0.8}, {@code 10}): the schema takes an integer or a quantity. */
  static String quantity(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : java.math.BigDecimal.valueOf(value).toPlainString();
  }

  private static ObjectNode sorted(ObjectNode node) {
    sortFields(node);
    return node;
  }

  private static void sortFields(ObjectNode node) {
    TreeMap<String, JsonNode> fields = new TreeMap<>();
    node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    node.removeAll();
    fields.forEach(node::set);
  }
}
