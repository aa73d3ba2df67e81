package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.document.ObjectNames;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.compiler.spi.EmittedKind;
import dev.lattice.compiler.spi.Emitter;
import dev.lattice.model.PathSyntax;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.service.LatticeServiceSpec;
import dev.lattice.model.service.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Workload documents for every {@code LatticeService}: ServiceAccount, Deployment, Service (when it
 * has ports), ConfigMap of its files, PersistentVolumeClaims of the volumes it owns, and — when
 * asked for — PodDisruptionBudget (replicas ≥ 2), KEDA ScaledObject (autoscaling max above
 * replicas), Flagger Canary ({@code deploy.strategy: canary}) and VMServiceScrape (a port named
 * {@code metrics}); for every {@code LatticeJob} the Volcano Job or CronJob that runs its tasks
 * ({@link VolcanoJob}; a task gets a service's documents but for the Deployment and PodDisruptionBudget); for every
 * {@code LatticeModel} the Kthena ModelServing, ModelServer, ModelRoutes, AutoscalingPolicies and model cache
 * ({@link KthenaModel}; a role's workloads are documented as a task's); plus a Namespace per namespace with {@code istio.io/dataplane-mode: ambient}.
 * Names: every derived object is named after the service; see {@link Names}.
 */
public final class KubernetesEmitter implements Emitter {

  private static final List<EmittedKind> KINDS = List.of(
      EmittedKind.clusterScoped("v1", "Namespace", "namespaces"),
      EmittedKind.namespaced("v1", "ServiceAccount", "serviceaccounts"),
      EmittedKind.namespaced("v1", "Service", "services"),
      EmittedKind.namespaced("v1", "ConfigMap", "configmaps"),
      EmittedKind.namespaced("v1", "PersistentVolumeClaim", "persistentvolumeclaims"),
      EmittedKind.namespaced("apps/v1", "Deployment", "deployments"),
      EmittedKind.namespaced("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets"),
      EmittedKind.namespaced("keda.sh/v1alpha1", "ScaledObject", "scaledobjects"),
      EmittedKind.namespaced("flagger.app/v1beta1", "Canary", "canaries"),
      EmittedKind.namespaced("operator.victoriametrics.com/v1beta1", "VMServiceScrape", "vmservicescrapes"),
      EmittedKind.namespaced("operator.victoriametrics.com/v1beta1", "VMPodScrape", "vmpodscrapes"),
      EmittedKind.namespaced("external-secrets.io/v1", "ExternalSecret", "externalsecrets"),
      EmittedKind.namespaced("batch.volcano.sh/v1alpha1", "Job", "jobs"),
      EmittedKind.namespaced("batch.volcano.sh/v1alpha1", "CronJob", "cronjobs"),
      EmittedKind.namespaced("scheduling.volcano.sh/v1beta1", "PodGroup", "podgroups"),
      EmittedKind.namespaced("workload.serving.volcano.sh/v1alpha1", "ModelServing", "modelservings"),
      EmittedKind.namespaced("workload.serving.volcano.sh/v1alpha1", "AutoscalingPolicy", "autoscalingpolicies"),
      EmittedKind.namespaced("networking.serving.volcano.sh/v1alpha1", "ModelServer", "modelservers"),
      EmittedKind.namespaced("networking.serving.volcano.sh/v1alpha1", "ModelRoute", "modelroutes"));

  @Override
  public List<EmittedKind> kinds() {
    return KINDS;
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public List<Document> emit(FleetPlan plan, EmitContext context) {
    List<Document> out = new ArrayList<>();
    if (context.options().emitNamespaces()) {
      plan.namespaces().forEach(ns -> out.add(Json.document("v1", "Namespace", Optional.empty(), ns,
          Map.of("istio.io/dataplane-mode", "ambient"), body -> { })));
    }
    Map<dev.lattice.model.base.ObjectRef, ObjectNode> taskTemplates = new java.util.HashMap<>();
    // workloads are emitted independently (the plan is immutable), so at once, each into its own
    // lists, joined in workload order: the documents and diagnostics of emitting them one by one
    for (Emitted e : context.atOnce(plan.workloads().values(), (w, own) -> {
      Emitted result = new Emitted(new ArrayList<>(), new java.util.HashMap<>());
      emitWorkload(w, plan.jobOf(w.ref()).isPresent() || plan.modelOf(w.ref()).isPresent(), plan.callsExternalNames(w.ref()),
          own, result.documents(), result.taskTemplates());
      return result;
    })) {
      out.addAll(e.documents());
      taskTemplates.putAll(e.taskTemplates());
    }
    plan.jobs().values().forEach(job -> out.add(VolcanoJob.of(job, taskTemplates)));
    plan.models().values().forEach(model -> out.addAll(KthenaModel.of(model, taskTemplates, plan.workloads())));
    return out;
  }

  /** One workload's documents and (a job's task) pod template. */
  private record Emitted(List<Document> documents, Map<dev.lattice.model.base.ObjectRef, ObjectNode> taskTemplates) {}

  /**
   * A service's documents; for a job's task (its pods come from the Volcano job, {@link VolcanoJob})
   * the same but for the Deployment and the disruption budget, its pod template kept in {@code taskTemplates} instead; its Service (when it has ports) is what
   * agreed callers address, {@code <job>-<task>}.
   */
  private void emitWorkload(WorkloadPlan w, boolean task, boolean callsNames, EmitContext context, List<Document> out,
      Map<dev.lattice.model.base.ObjectRef, ObjectNode> taskTemplates) {
    String ns = w.ref().namespace();
    String name = w.ref().name();
    Map<String, String> labels = Map.of(Json.NAME_LABEL, name);
    LatticeServiceSpec spec = w.service().spec();
    reportSourceOnlyFiles(w, context);
    out.add(Json.document("v1", "ServiceAccount", Optional.of(ns), name, labels,
        body -> body.put("automountServiceAccountToken", spec.automountServiceAccountToken().orElse(false))));
    Volumes volumes = new Volumes(w);
    EnvSources env = new EnvSources(w);
    List<Document> config = new ArrayList<>();
    ObjectNode template = new PodTemplate(w, volumes, env, callsNames).build(() -> {
      config.addAll(configDocuments(w, volumes, env));
      return configHash(config);
    });
    if (task) {
      taskTemplates.put(w.ref(), template);
    } else {
      out.add(deployment(w, labels, template));
    }
    out.addAll(config);
    Set<String> pullSecrets = Set.copyOf(spec.imagePullSecrets());
    w.secrets().values().forEach(s -> out.add(ExternalSecrets.forResource(w, s, pullSecrets.contains(s.resource()))));
    spec.workload().resources().forEach((key, r) -> ownedClaim(w, key, r).ifPresent(out::add));
    if (!w.member().ports().isEmpty() && !CanaryDocument.isCanary(w)) { // Flagger owns a canary's Services
      out.add(Json.document("v1", "Service", Optional.of(ns), name, labels, body -> {
        ObjectNode s = body.putObject("spec");
        var ports = s.putArray("ports");
        w.member().ports().forEach(p -> ports.addObject().put("name", p.name()).put("port", p.port())
            .put("protocol", p.protocol()).put("targetPort", p.targetPort()));
        s.set("selector", Json.sortedMap(labels));
        s.put("type", spec.workload().service().flatMap(x -> x.serviceType()).map(t -> t.wire()).orElse("ClusterIP"));
      }));
    }
    Extras.of(w, task, context).forEach(out::add);
    PodGroups.of(w).ifPresent(out::add);
  }

  private static Document deployment(WorkloadPlan w, Map<String, String> labels, ObjectNode template) {
    LatticeServiceSpec spec = w.service().spec();
    return Json.document("apps/v1", "Deployment", Optional.of(w.ref().namespace()), w.ref().name(), labels, body -> {
      ObjectNode s = body.putObject("spec");
      if (!Extras.autoscaled(spec)) {
        // a ScaledObject's HPA owns the replica count: setting it here would reset it on every apply
        // (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling)
        s.put("replicas", spec.replicas());
      }
      s.putObject("selector").set("matchLabels", Json.sortedMap(labels));
      s.set("template", template);
    });
  }

  /** ConfigMaps of plain variables and files, and templated ExternalSecrets of secret-bearing ones. */
  private static List<Document> configDocuments(WorkloadPlan w, Volumes volumes, EnvSources env) {
    List<Document> out = new ArrayList<>();
    String ns = w.ref().namespace();
    Map<String, String> labels = Map.of(Json.NAME_LABEL, w.ref().name());
    for (String container : w.variables().keySet()) {
      Map<String, String> plain = env.plain(container);
      if (!plain.isEmpty()) {
        out.add(Json.document("v1", "ConfigMap", Optional.of(ns), env.configMapName(container), labels,
            body -> body.set("data", Json.sortedMap(plain))));
      }
      if (!env.templated(container).isEmpty()) {
        out.add(ExternalSecrets.templated(w, env.secretName(container), env.templated(container)));
      }
    }
    if (!volumes.files().isEmpty()) {
      out.add(Json.document("v1", "ConfigMap", Optional.of(ns), volumes.configMapName(), labels,
          body -> body.set("data", Json.sortedMap(volumes.files()))));
    }
    if (!volumes.secretFiles().isEmpty()) {
      out.add(ExternalSecrets.templated(w, volumes.secretFilesName(), volumes.secretFiles()));
    }
    return out;
  }

  /** A hash of everything the pods read from ConfigMaps and secret templates: a change rolls them. */
  private static String configHash(List<Document> config) {
    if (config.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    config.forEach(d -> sb.append(d.id()).append('\n').append(json(d, "data")).append(json(d, "spec")).append('\n'));
    return ObjectNames.hash(sb.toString(), 16);
  }

  /** The compact JSON of one top-level field ("" when absent), as the config hash has always read it. */
  private static String json(Document d, String field) {
    return d.content().get(field).map(Object::toString).orElse("");
  }

  private static Optional<Document> ownedClaim(WorkloadPlan w, String key, ResourceSpec r) {
    if (!ResourceSpec.VOLUME.equals(r.type()) || !r.params().containsKey("size")) {
      return Optional.empty();
    }
    String claim = Volumes.claimName(w.ref().name(), key, r);
    return Optional.of(Json.document("v1", "PersistentVolumeClaim", Optional.of(w.ref().namespace()), claim,
        Map.of(Json.NAME_LABEL, w.ref().name()), body -> {
          ObjectNode s = body.putObject("spec");
          s.set("accessModes", Json.strings(List.of(String.valueOf(r.params().getOrDefault("accessMode", "ReadWriteOnce")))));
          s.putObject("resources").putObject("requests").put("storage", String.valueOf(r.params().get("size")));
          r.resourceClass().or(() -> Optional.ofNullable(r.params().get("storageClass")).map(String::valueOf))
              .ifPresent(c -> s.put("storageClassName", c));
        }));
  }

  private static void reportSourceOnlyFiles(WorkloadPlan w, EmitContext context) {
    w.service().spec().workload().containers().forEach((c, spec) -> spec.files().forEach((path, f) -> {
      if (f.content().isEmpty()) {
        String p = PathSyntax.child(PathSyntax.child("spec.workload.containers", c) + ".files", path);
        context.report(Diagnostic.warning(Codes.UNSUPPORTED_PLACEHOLDER,
            "file " + path + " of " + w.ref() + " has only a source; the compiler reads no files, so it is not mounted",
            "inline the file with content: |", w.source().sources().valueAt(p), w.source().sources().pathOf(p)));
      }
    }));
  }
}
