package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.JobPlan;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.job.LatticeJobSpec;
import dev.lattice.model.job.LifecyclePolicy;
import dev.lattice.model.job.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Volcano {@code batch.volcano.sh/v1alpha1} Job of a {@code LatticeJob} (a CronJob around it
 * when the job has a {@code schedule}): one task per entry, each with the pod template its workload
 * compiled to, the job's label and its restart policy; gang scheduling by {@code minAvailable}
 * (default every replica); queue, scheduler (default {@code volcano}), retries and policies as
 * declared; and the plugins the tasks need to find each other.
 *
 * <p>Plugins (https://github.com/volcano-sh/volcano, docs/user-guide/how_to_use_svc_plugin.md,
 * how_to_use_env_plugin.md, how_to_use_pytorch_plugin.md): {@code svc} creates the headless Service
 * named after the job and gives every pod the host name {@code <job>-<task>-<index>} under it; it
 * would also create a Kubernetes NetworkPolicy between the job's pods, which Lattice turns off
 * ({@code --disable-network-policy=true}) because its own Cilium and Istio policies decide peer
 * traffic; {@code --publish-not-ready-addresses=true} lets ranks resolve each other before they are
 * ready, which rendezvous needs. {@code env} sets {@code VC_TASK_INDEX}. For PyTorch, {@code
 * pytorch} sets {@code MASTER_ADDR} (the coordinator task's first pod), {@code MASTER_PORT}, {@code
 * WORLD_SIZE} and {@code RANK} in every container and opens the port. NCCL settings become {@code
 * NCCL_<NAME>} variables of the main containers (a variable the task declares itself wins).
 */
final class VolcanoJob {
  static final String API_VERSION = "batch.volcano.sh/v1alpha1";
  /** The pytorch plugin's default rendezvous port. */
  static final int PYTORCH_PORT = 23456;

  private VolcanoJob() {}

  static Document of(JobPlan job, Map<ObjectRef, ObjectNode> templates) {
    LatticeJobSpec spec = job.job().spec();
    Map<String, String> labels = Map.of(Json.NAME_LABEL, job.ref().name());
    Optional<String> ns = Optional.of(job.ref().namespace());
    if (spec.schedule().isEmpty()) {
      return Json.document(API_VERSION, "Job", ns, job.ref().name(), labels, body -> body.set("spec", jobSpec(job, templates)));
    }
    return Json.document(API_VERSION, "CronJob", ns, job.ref().name(), labels, body -> {
      ObjectNode s = body.putObject("spec");
      spec.concurrencyPolicy().ifPresent(p -> s.put("concurrencyPolicy", p.wire()));
      spec.failedJobsHistoryLimit().ifPresent(n -> s.put("failedJobsHistoryLimit", n));
      ObjectNode template = s.putObject("jobTemplate");
      template.putObject("metadata").set("labels", Json.sortedMap(Map.of(Json.JOB_LABEL, job.ref().name())));
      template.set("spec", jobSpec(job, templates));
      s.put("schedule", spec.schedule().get());
      spec.successfulJobsHistoryLimit().ifPresent(n -> s.put("successfulJobsHistoryLimit", n));
    });
  }

  private static ObjectNode jobSpec(JobPlan job, Map<ObjectRef, ObjectNode> templates) {
    LatticeJobSpec spec = job.job().spec();
    ObjectNode s = Json.object();
    spec.maxRetry().ifPresent(r -> s.put("maxRetry", r));
    s.put("minAvailable", spec.minAvailable().orElse(job.totalReplicas()));
    spec.topology().ifPresent(t -> s.set("networkTopology", PodGroups.networkTopology(t)));
    s.set("plugins", plugins(job));
    if (!spec.policies().isEmpty()) {
      s.set("policies", policies(spec.policies()));
    }
    spec.priorityClassName().ifPresent(p -> s.put("priorityClassName", p));
    spec.queue().ifPresent(q -> s.put("queue", q));
    s.put("schedulerName", spec.schedulerName().orElse(LatticeJobSpec.VOLCANO));
    ArrayNode tasks = s.putArray("tasks");
    for (JobPlan.Task task : job.tasks()) {
      ObjectNode t = tasks.addObject();
      t.put("name", task.name());
      if (!task.policies().isEmpty()) {
        t.set("policies", policies(task.policies()));
      }
      t.put("replicas", task.replicas());
      t.set("template", template(job, task, templates.get(task.workload())));
    }
    spec.ttlSecondsAfterFinished().ifPresent(t -> s.put("ttlSecondsAfterFinished", t));
    return s;
  }

  private static ObjectNode plugins(JobPlan job) {
    TreeMap<String, List<String>> plugins = new TreeMap<>();
    plugins.put("env", List.of());
    plugins.put("svc", List.of("--disable-network-policy=true", "--publish-not-ready-addresses=true"));
    job.job().spec().training().filter(t -> t.framework() == TrainingSpec.Framework.PYTORCH).ifPresent(t -> {
      String coordinator = coordinator(t);
      List<String> args = new ArrayList<>();
      args.add("--master=" + coordinator);
      job.tasks().stream().map(JobPlan.Task::name).filter(n -> !n.equals(coordinator)).findFirst()
          .ifPresent(worker -> args.add("--worker=" + worker));
      args.add("--port=" + t.port().orElse(PYTORCH_PORT));
      plugins.put("pytorch", args);
    });
    ObjectNode node = Json.object();
    plugins.forEach((name, args) -> node.set(name, Json.strings(args)));
    return node;
  }

  /** The coordinator task of a training job: {@code coordinatorTask}, by default {@code master} (the plugin's default). */
  static String coordinator(TrainingSpec t) {
    return t.coordinatorTask().orElse("master");
  }

  private static ArrayNode policies(List<LifecyclePolicy> policies) {
    ArrayNode out = Json.array();
    for (LifecyclePolicy p : policies) {
      ObjectNode n = out.addObject();
      p.action().ifPresent(a -> n.put("action", a));
      p.event().ifPresent(e -> n.put("event", e));
      if (!p.events().isEmpty()) {
        n.set("events", Json.strings(p.events()));
      }
      p.exitCode().ifPresent(c -> n.put("exitCode", c));
      p.timeout().ifPresent(t -> n.put("timeout", t));
    }
    return out;
  }

  /** The task's pod template: its workload's, labelled with the job, its restart policy and the NCCL variables. */
  private static ObjectNode template(JobPlan job, JobPlan.Task task, ObjectNode compiled) {
    ObjectNode template = compiled.deepCopy();
    ObjectNode metadata = (ObjectNode) template.get("metadata");
    TreeMap<String, String> labels = new TreeMap<>();
    metadata.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    labels.put(Json.JOB_LABEL, job.ref().name());
    metadata.set("labels", Json.sortedMap(labels));
    ObjectNode pod = (ObjectNode) template.get("spec");
    Map<String, String> nccl = job.job().spec().training().map(t -> ncclVariables(t.nccl())).orElse(Map.of());
    if (!nccl.isEmpty()) {
      Map<String, dev.lattice.model.service.ContainerSpec> mains = job.job().spec().tasks().get(task.name()).workload()
          .or(() -> job.job().spec().defaults().flatMap(d -> d.workload()))
          .map(w -> w.containers()).orElse(Map.of());
      for (JsonNode c : pod.withArray("containers")) {
        var main = mains.get(c.path("name").asText());
        if (main != null) {
          addVariables((ObjectNode) c, nccl, main.variables().keySet());
        }
      }
    }
    // Volcano's default restart policy for a task's pods would be the pod default, Always, which a
    // finished rank would loop on; Lattice writes the declared one (default Never)
    pod.put("restartPolicy", task.restartPolicy().wire());
    sortFields(pod);
    return template;
  }

  /** {@code nccl} as {@code NCCL_*} variables: camelCase keys to UPPER_SNAKE, booleans as 1 and 0 (NCCL's convention). */
  static Map<String, String> ncclVariables(Map<String, Object> nccl) {
    TreeMap<String, String> out = new TreeMap<>();
    nccl.forEach((k, v) -> out.put("NCCL_" + k.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT),
        v instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(v)));
    return out;
  }

  /** Adds {@code variables} to the container's {@code env}, but none the task declares itself ({@code declared}). */
  private static void addVariables(ObjectNode container, Map<String, String> variables, java.util.Set<String> own) {
    ArrayNode env = container.withArray("env");
    java.util.Set<String> declared = new java.util.HashSet<>(own);
    env.forEach(e -> declared.add(e.path("name").asText()));
    TreeMap<String, JsonNode> all = new TreeMap<>();
    env.forEach(e -> all.put(e.path("name").asText(), e));
    variables.forEach((name, value) -> {
      if (!declared.contains(name)) {
        all.put(name, Json.object().put("name", name).put("value", value));
      }
    });
    env.removeAll();
    all.values().forEach(env::add);
    sortFields(container);
  }

  /** Puts {@code node}'s fields in key order, as every emitted object has them. */
  private static void sortFields(ObjectNode node) {
    TreeMap<String, JsonNode> fields = new TreeMap<>();
    node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    node.removeAll();
    fields.forEach(node::set);
  }
}
