package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.emit.capi.addons.CloudControllers;
import dev.lattice.model.cluster.NodesSpec;
import dev.lattice.model.cluster.ProviderSpec;
import dev.lattice.model.diagnostics.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RKE2 (CAPRKE2, the FIPS path): {@code RKE2ControlPlane} (replicas, the {@code v1.32.0+rke2r1}
 * version, rolling update, registration through the control-plane endpoint, TLS SANs, no bundled CNI
 * — Lattice installs Cilium — and no kube-proxy when Cilium replaces it, mirrors, kube-vip and the parent registration) and {@code
 * RKE2ConfigTemplate}s whose agent config carries the pool's node labels and taints.
 */
final class Rke2Bootstrap implements BootstrapProvider {
  /** The RKE2 release suffix of a Kubernetes version. */
  static final String RELEASE = "+rke2r1";
  private static final Pattern VERSION = Pattern.compile("v?(\\d)\\.(\\d{2})\\.(\\d+)");

  @Override
  public String controlPlaneKind() {
    return "RKE2ControlPlane";
  }

  @Override
  public String configTemplateKind() {
    return "RKE2ConfigTemplate";
  }

  @Override
  public SpecPatch kubeProxyPatch(ClusterPlan plan) {
    return new SpecPatch("/serverConfig/disableComponents", disabled(plan, true));
  }

  @Override
  public void afterKubeProxyRemoved(ClusterPlan plan, ObjectNode templateSpec) {
    ObjectNode without = disabled(plan, false);
    if (!without.path("kubernetesComponents").isEmpty() && templateSpec.path("serverConfig") instanceof ObjectNode server) {
      server.set("disableComponents", without);
    }
  }

  /**
   * The Kubernetes components RKE2 leaves out: kube-proxy when Cilium replaces it, and on Docker its
   * embedded cloud controller, which would write {@code rke2://<node>} before CAPD writes the Machine's
   * {@code docker:////<machine>} (a Node's provider ID is set once; CAPRKE2's examples/docker templates
   * disable {@code cloudController}). Elsewhere the kubelet's {@code provider-id} or {@code
   * cloudProviderName} settles it (see {@code CloudControllers}).
   */
  private static ObjectNode disabled(ClusterPlan plan, boolean kubeProxyReplaced) {
    List<String> components = new ArrayList<>();
    if (CloudControllers.providerOf(plan.spec()).orElse(null) == dev.lattice.model.cluster.ProviderType.DOCKER) {
      components.add("cloudController");
    }
    if (kubeProxyReplaced) {
      components.add("kubeProxy");
    }
    ObjectNode disable = Json.object();
    disable.set("kubernetesComponents", Json.strings(components));
    return disable;
  }

  @Override
  public String version(ClusterPlan plan) {
    Matcher m = VERSION.matcher(plan.spec().provider().kubernetes().version());
    return m.matches() ? "v" + m.group(1) + "." + m.group(2) + "." + m.group(3) + RELEASE : plan.kubernetesVersion();
  }

  @Override
  public void check(ClusterPlan plan, Findings findings) {
    if (!VERSION.matcher(plan.spec().provider().kubernetes().version()).matches()) {
      findings.error(Codes.K8S_VERSION, "spec.provider.kubernetes.version", "RKE2 releases exist for versions like 1.32.0",
          "use a Kubernetes version with a two-digit minor");
    }
    if (!plan.sshAuthorizedKeys().isEmpty()) {
      findings.warning(Codes.UNSUPPORTED_CLUSTER_SETTING, "spec.provider.config.proxmox.sshAuthorizedKeys",
          "SSH keys are not compiled for RKE2 nodes yet", "use the VM template's keys");
    }
  }

  @Override
  public ObjectNode controlPlaneSpec(ClusterPlan plan, Infrastructure infra, Ref machineTemplate) {
    ObjectNode spec = Json.object();
    spec.put("replicas", plan.spec().nodes().controlPlane().replicas());
    spec.put("version", version(plan));
    ObjectNode rollout = spec.putObject("rolloutStrategy");
    rollout.put("type", "RollingUpdate");
    rollout.putObject("rollingUpdate").put("maxSurge", 1);
    spec.put("registrationMethod", "control-plane-endpoint");
    spec.putObject("machineTemplate").putObject("spec").set("infrastructureRef", machineTemplate.toJson());
    ObjectNode server = spec.putObject("serverConfig");
    server.put("cni", "none");
    if (CloudControllers.external(plan.spec())) {
      // any cloud-provider-name turns RKE2's embedded cloud controller off (which would set rke2://<node>) and
      // runs its kubelets with --cloud-provider=external (rancher/rke2 pkg/rke2/rke2.go: DisableCCM when
      // cloud-provider-name is set)
      server.put("cloudProviderName", "external");
    }
    ObjectNode disable = disabled(plan, plan.cilium().kubeProxyReplacement());
    if (!disable.path("kubernetesComponents").isEmpty()) {
      server.set("disableComponents", disable);
    }
    List<String> sans = plan.spec().provider().kubernetes().certSANs();
    if (!sans.isEmpty()) {
      server.set("tlsSan", Json.strings(sans));
    }
    agentConfig(infra, Map.of(), List.of()).ifPresent(a -> spec.set("agentConfig", a));
    RegistryMirrors.rke2(plan).ifPresent(r -> spec.set("privateRegistriesConfig", r));
    List<ObjectNode> files = new ArrayList<>(infra.controlPlaneFiles(plan));
    files.addAll(ParentRegistration.files(plan));
    spec.putArray("files").addAll(files);
    List<String> pre = infra.controlPlanePreCommands(plan);
    if (!pre.isEmpty()) {
      spec.set("preRKE2Commands", Json.strings(pre));
    }
    spec.set("postRKE2Commands", Json.strings(List.of(ParentRegistration.command())));
    return spec;
  }

  @Override
  public ObjectNode workerConfigSpec(ClusterPlan plan, Infrastructure infra, String pool) {
    NodesSpec.WorkerPool p = plan.spec().nodes().workerPools().get(pool);
    ObjectNode spec = Json.object();
    agentConfig(infra, p.labels(), p.taints()).ifPresent(a -> spec.set("agentConfig", a));
    RegistryMirrors.rke2(plan).ifPresent(r -> spec.set("privateRegistriesConfig", r));
    return spec;
  }

  private static java.util.Optional<ObjectNode> agentConfig(Infrastructure infra, Map<String, String> labels,
      List<NodesSpec.Taint> taints) {
    ObjectNode agent = Json.object();
    // the node name the provider's cloud controller looks the instance up by (AWS: the private DNS name), a
    // cloud-init template like kubeadm's nodeRegistration.name
    infra.nodeNameTemplate().ifPresent(n -> agent.put("nodeName", n));
    Map<String, String> args = BootstrapProvider.kubeletArgs(infra, ProviderSpec.Bootstrap.RKE2, Map.of());
    if (!args.isEmpty()) {
      agent.putObject("kubelet").set("extraArgs",
          Json.strings(args.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    if (!labels.isEmpty()) {
      agent.set("nodeLabels", Json.strings(BootstrapProvider.nodeLabels(labels)));
    }
    if (!taints.isEmpty()) {
      agent.set("nodeTaints", Json.strings(taints.stream().map(BootstrapProvider::taint).toList()));
    }
    return agent.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(agent);
  }
}
