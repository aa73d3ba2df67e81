package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.emit.capi.addons.VersionMatrix;
import dev.lattice.model.cluster.ProviderType;
import dev.lattice.model.diagnostics.Codes;
import java.util.List;

/**
 * Talos (CACPPT and CABPT): {@code TalosControlPlane} (controlplane v1alpha3: replicas, version,
 * rolling update, the infrastructure template, a {@code controlplane} config of the pinned Talos
 * release) and {@code TalosConfigTemplate}s (bootstrap v1beta1, {@code worker} configs). Everything
 * else is a JSON patch of the generated machine config ({@link TalosPatches}). Talos nodes run no
 * shell, so there is no node-side registration: the runtime applies the parent's manifests through
 * the {@code <cluster>-kubeconfig} Secret CAPI writes. CAPD cannot boot Talos (it runs cloud-init or
 * Ignition data), and AWS needs a Talos AMI, so both are errors.
 */
final class TalosBootstrap implements BootstrapProvider {
  static final String CONTROL_PLANE_API = "controlplane.cluster.x-k8s.io/v1alpha3";
  static final String BOOTSTRAP_API = "bootstrap.cluster.x-k8s.io/v1beta1";

  @Override
  public String controlPlaneKind() {
    return "TalosControlPlane";
  }

  @Override
  public String configTemplateKind() {
    return "TalosConfigTemplate";
  }

  @Override
  public String controlPlaneApi() {
    return CONTROL_PLANE_API;
  }

  @Override
  public String bootstrapApi() {
    return BOOTSTRAP_API;
  }

  @Override
  public SpecPatch kubeProxyPatch(ClusterPlan plan) {
    return new SpecPatch("/controlPlaneConfig/controlplane/configPatches/-", TalosPatches.proxyDisabled());
  }

  @Override
  public String version(ClusterPlan plan) {
    return plan.kubernetesVersion();
  }

  @Override
  public void check(ClusterPlan plan, Findings findings) {
    List<ProviderType> present = plan.spec().provider().config().present();
    ProviderType type = present.isEmpty() ? ProviderType.BASIS : present.get(0);
    String path = "spec.provider.kubernetes.bootstrap";
    if (type == ProviderType.DOCKER) {
      findings.error(Codes.INVALID_VALUE, path, "the Docker provider (CAPD) cannot boot Talos: it runs cloud-init or Ignition data",
          "use kubeadm or rke2 for docker clusters");
    }
    if (type == ProviderType.AWS && plan.spec().provider().config().aws().flatMap(a -> a.amiId()).isEmpty()) {
      findings.error(Codes.MISSING_FIELD, "spec.provider.config.aws", "Talos on AWS needs a Talos AMI",
          "set spec.provider.config.aws.amiId to the Talos AMI of the region");
    }
    if (!plan.sshAuthorizedKeys().isEmpty()) {
      findings.warning(Codes.UNSUPPORTED_CLUSTER_SETTING, "spec.provider.config.proxmox.sshAuthorizedKeys",
          "Talos has no SSH; the keys are ignored", "use talosctl with the cluster's talosconfig");
    }
  }

  @Override
  public ObjectNode controlPlaneSpec(ClusterPlan plan, Infrastructure infra, Ref machineTemplate) {
    ObjectNode spec = Json.object();
    ObjectNode config = spec.putObject("controlPlaneConfig").putObject("controlplane");
    config.set("configPatches", TalosPatches.of(plan, infra, true));
    config.put("generateType", "controlplane");
    config.put("talosVersion", VersionMatrix.get().talosVersion());
    ObjectNode template = spec.putObject("infrastructureTemplate");
    template.put("apiVersion", infra.apiVersion());
    template.put("kind", machineTemplate.kind());
    template.put("name", machineTemplate.name());
    template.put("namespace", plan.namespace());
    spec.put("replicas", plan.spec().nodes().controlPlane().replicas());
    ObjectNode rollout = spec.putObject("rolloutStrategy");
    rollout.putObject("rollingUpdate").put("maxSurge", 1);
    rollout.put("type", "RollingUpdate");
    spec.put("version", version(plan));
    return spec;
  }

  @Override
  public ObjectNode workerConfigSpec(ClusterPlan plan, Infrastructure infra, String pool) {
    ObjectNode spec = Json.object();
    spec.set("configPatches", TalosPatches.of(plan, infra, false, pool));
    spec.put("generateType", "worker");
    spec.put("talosVersion", VersionMatrix.get().talosVersion());
    return spec;
  }
}
