package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.PortPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.service.ContainerSpec;
import dev.lattice.model.service.LatticeServiceSpec;
import dev.lattice.model.service.ProbeSpec;
import dev.lattice.model.service.ResourceRequirementsSpec;
import dev.lattice.model.service.ResourceSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod template of a service's Deployment (or a job task's): containers (main first, then
 * sidecars, each sorted by name) with env, ports, resources, probes, the restricted security
 * context, file and volume mounts; the service's own ServiceAccount; the pod volumes the mounts
 * need; and a {@code gpu} resource's request on the first main container ({@link GpuRequest}).
 */
final class PodTemplate {
  static final String FILES_VOLUME = "lattice-files";
  static final String SECRET_FILES_VOLUME = "lattice-secret-files";

  /** Pod annotation whose value changes whenever the pod's configuration or secret templates change. */
  static final String CONFIG_HASH = "lattice.dev/config-hash";

  private final WorkloadPlan plan;
  private final Volumes volumes;
  private final EnvSources env;
  private final boolean callsExternalNames;

  /**
   * Pod annotation that turns ambient DNS capture off for the pod (istio.io "DNS Proxying": "Individual
   * pods may opt out of global ambient mode DNS capture by applying the ambient.istio.io/dns-capture=false
   * annotation"): a pod that reaches external names must do its own lookups through Cilium's DNS proxy,
   * or Cilium's {@code toFQDNs} learns no address (ztunnel would answer in the pod).
   */
  static final String DNS_CAPTURE = "ambient.istio.io/dns-capture";

  PodTemplate(WorkloadPlan plan, Volumes volumes, EnvSources env, boolean callsExternalNames) {
    this.callsExternalNames = callsExternalNames;
    this.plan = plan;
    this.volumes = volumes;
    this.env = env;
  }

  /** The template; {@code configHash} rolls the pods when configuration changes. */
  ObjectNode build(java.util.function.Supplier<String> configHash) {
    LatticeServiceSpec spec = plan.service().spec();
    ObjectNode template = Json.object();
    ObjectNode metadata = template.putObject("metadata");
    metadata.set("labels", Json.sortedMap(Map.of(Json.NAME_LABEL, plan.ref().name(), Json.SERVICE_LABEL, plan.ref().name())));
    ObjectNode pod = template.putObject("spec");
    pod.put("automountServiceAccountToken", spec.automountServiceAccountToken().orElse(false));
    ArrayNode containers = pod.putArray("containers");
    java.util.Optional<GpuRequest> gpu = GpuRequest.of(spec);
    TreeMap<String, ContainerSpec> mains = new TreeMap<>(spec.workload().containers());
    String gpuContainer = mains.isEmpty() ? "" : mains.firstKey(); // one request per pod, as quotas count it
    mains.forEach((name, c) -> containers.add(container(name, c, true, name.equals(gpuContainer) ? gpu : java.util.Optional.empty())));
    new TreeMap<>(spec.sidecars()).forEach((name, c) -> containers.add(container(name, c, false, java.util.Optional.empty())));
    if (!spec.imagePullSecrets().isEmpty()) {
      ArrayNode secrets = pod.putArray("imagePullSecrets");
      spec.imagePullSecrets().stream().map(this::pullSecretName).sorted().distinct()
          .forEach(s -> secrets.addObject().put("name", s));
    }
    gpu.map(GpuRequest::nodeSelector).filter(m -> !m.isEmpty()).ifPresent(m -> pod.set("nodeSelector", Json.sortedMap(m)));
    if (spec.topology().isPresent()) {
      pod.put("schedulerName", dev.lattice.model.job.LatticeJobSpec.VOLCANO); // only Volcano reads a PodGroup
    }
    pod.putObject("securityContext").putObject("seccompProfile").put("type", "RuntimeDefault");
    pod.put("serviceAccountName", plan.member().serviceAccount());
    spec.shareProcessNamespace().ifPresent(v -> pod.put("shareProcessNamespace", v));
    gpu.filter(GpuRequest::tolerate).ifPresent(g -> pod.putArray("tolerations").add(GpuRequest.toleration()));
    ArrayNode podVolumes = volumes.podVolumes();
    if (!podVolumes.isEmpty()) {
      pod.set("volumes", podVolumes);
    }
    String hash = configHash.get();
    Map<String, String> annotations = new TreeMap<>(gpu.map(GpuRequest::annotations).orElse(Map.of()));
    if (spec.topology().isPresent()) {
      annotations.put(PodGroups.GROUP_ANNOTATION, plan.ref().name());
    }
    if (!hash.isEmpty()) {
      annotations.put(CONFIG_HASH, hash);
    }
    if (callsExternalNames && plan.member().ambient()) {
      annotations.put(DNS_CAPTURE, "false");
    }
    if (!annotations.isEmpty()) {
      metadata.set("annotations", Json.sortedMap(annotations));
    }
    return template;
  }

  /** An image pull secret naming a secret resource uses its synced Secret; any other name is taken as is. */
  private String pullSecretName(String name) {
    return plan.secrets().containsKey(name) ? plan.secrets().get(name).secretName() : name;
  }

  private ObjectNode container(String name, ContainerSpec c, boolean main, java.util.Optional<GpuRequest> gpu) {
    ObjectNode node = Json.object();
    if (!c.args().isEmpty()) {
      node.set("args", Json.strings(c.args()));
    }
    if (!c.command().isEmpty()) {
      node.set("command", Json.strings(c.command()));
    }
    env.apply(name, node);
    node.put("image", c.image());
    c.livenessProbe().ifPresent(p -> node.set("livenessProbe", probe(p)));
    node.put("name", name);
    if (main && !plan.member().ports().isEmpty()) {
      ArrayNode ports = node.putArray("ports");
      Map<Integer, PortPlan> byTarget = new TreeMap<>();
      plan.member().ports().forEach(p -> byTarget.putIfAbsent(p.targetPort(), p));
      byTarget.values().forEach(p -> ports.addObject()
          .put("containerPort", p.targetPort()).put("name", p.name()).put("protocol", p.protocol()));
    }
    c.readinessProbe().ifPresent(p -> node.set("readinessProbe", probe(p)));
    resources(c.resources(), gpu).ifPresent(r -> node.set("resources", r));
    node.set("securityContext", SecurityContexts.container(c.security()));
    c.startupProbe().ifPresent(p -> node.set("startupProbe", probe(p)));
    ArrayNode mounts = volumes.mounts(name, c);
    if (!mounts.isEmpty()) {
      node.set("volumeMounts", mounts);
    }
    return node;
  }

  private static ObjectNode probe(ProbeSpec p) {
    ObjectNode node = Json.object();
    p.exec().ifPresent(e -> node.putObject("exec").set("command", Json.strings(e.command())));
    p.failureThreshold().ifPresent(v -> node.put("failureThreshold", v));
    p.httpGet().ifPresent(h -> {
      ObjectNode g = node.putObject("httpGet").put("path", h.path()).put("port", h.port());
      h.scheme().ifPresent(s -> g.put("scheme", s.toUpperCase(java.util.Locale.ROOT)));
    });
    p.initialDelaySeconds().ifPresent(v -> node.put("initialDelaySeconds", v));
    p.periodSeconds().ifPresent(v -> node.put("periodSeconds", v));
    p.successThreshold().ifPresent(v -> node.put("successThreshold", v));
    p.tcpSocket().ifPresent(t -> node.putObject("tcpSocket").put("port", t.port()));
    p.timeoutSeconds().ifPresent(v -> node.put("timeoutSeconds", v));
    return node;
  }

  private java.util.Optional<ObjectNode> resources(java.util.Optional<ResourceRequirementsSpec> spec, java.util.Optional<GpuRequest> gpu) {
    ObjectNode node = Json.object();
    Map<String, String> limits = new TreeMap<>();
    Map<String, String> requests = new TreeMap<>();
    spec.flatMap(ResourceRequirementsSpec::limits).ifPresent(a -> {
      a.cpu().ifPresent(v -> limits.put("cpu", v));
      a.memory().ifPresent(v -> limits.put("memory", v));
    });
    spec.flatMap(ResourceRequirementsSpec::requests).ifPresent(a -> {
      a.cpu().ifPresent(v -> requests.put("cpu", v));
      a.memory().ifPresent(v -> requests.put("memory", v));
    });
    gpu.ifPresent(g -> {
      limits.putAll(g.resources());
      requests.putAll(g.resources());
    });
    if (!limits.isEmpty()) {
      node.set("limits", Json.sortedMap(limits));
    }
    if (!requests.isEmpty()) {
      node.set("requests", Json.sortedMap(requests));
    }
    return node.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(node);
  }

}
