package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.NodesSpec;
import dev.lattice.model.cluster.ProviderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kubeadm: {@code KubeadmControlPlane} (replicas, version, certSANs, the machine template, init and
 * join node registration, kube-vip and mirror files, the parent registration) and {@code
 * KubeadmConfigTemplate}s whose join node registration carries the pool's labels ({@code
 * node-labels}) and taints. With Cilium's kube-proxy replacement kubeadm skips its kube-proxy add-on.
 * SSH keys of the provider config become a {@code lattice} user.
 */
final class KubeadmBootstrap implements BootstrapProvider {
  static final String USER = "lattice";
  /** The kubeadm phase left out when Cilium replaces kube-proxy. */
  static final String SKIP_KUBE_PROXY = "addon/kube-proxy";

  @Override
  public String controlPlaneKind() {
    return "KubeadmControlPlane";
  }

  @Override
  public String configTemplateKind() {
    return "KubeadmConfigTemplate";
  }

  @Override
  public SpecPatch kubeProxyPatch(ClusterPlan plan) {
    return new SpecPatch("/kubeadmConfigSpec/initConfiguration/skipPhases", Json.strings(List.of(SKIP_KUBE_PROXY)));
  }

  @Override
  public String version(ClusterPlan plan) {
    return plan.kubernetesVersion();
  }

  @Override
  public void check(ClusterPlan plan, Findings findings) {
    // every setting of the model has a kubeadm form
  }

  @Override
  public ObjectNode controlPlaneSpec(ClusterPlan plan, Infrastructure infra, Ref machineTemplate) {
    ObjectNode spec = Json.object();
    spec.put("replicas", plan.spec().nodes().controlPlane().replicas());
    spec.put("version", version(plan));
    spec.putObject("machineTemplate").putObject("spec").set("infrastructureRef", machineTemplate.toJson());
    ObjectNode config = spec.putObject("kubeadmConfigSpec");
    List<String> sans = plan.spec().provider().kubernetes().certSANs();
    if (!sans.isEmpty()) {
      config.putObject("clusterConfiguration").putObject("apiServer").set("certSANs", Json.strings(sans));
    }
    Map<String, String> args = BootstrapProvider.kubeletArgs(infra, ProviderSpec.Bootstrap.KUBEADM, Map.of());
    ObjectNode init = config.putObject("initConfiguration");
    init.set("nodeRegistration", nodeRegistration(infra, args, List.of()));
    if (plan.cilium().kubeProxyReplacement()) {
      init.set("skipPhases", kubeProxyPatch(plan).value());
    }
    config.putObject("joinConfiguration").set("nodeRegistration", nodeRegistration(infra, args, List.of()));
    List<ObjectNode> files = new ArrayList<>(infra.controlPlaneFiles(plan));
    files.addAll(RegistryMirrors.containerdFiles(plan));
    files.addAll(ParentRegistration.files(plan));
    config.putArray("files").addAll(files);
    List<String> pre = infra.controlPlanePreCommands(plan);
    if (!pre.isEmpty()) {
      config.set("preKubeadmCommands", Json.strings(pre));
    }
    config.set("postKubeadmCommands", Json.strings(List.of(ParentRegistration.command())));
    users(plan, config);
    return spec;
  }

  @Override
  public ObjectNode workerConfigSpec(ClusterPlan plan, Infrastructure infra, String pool) {
    NodesSpec.WorkerPool p = plan.spec().nodes().workerPools().get(pool);
    ObjectNode spec = Json.object();
    Map<String, String> args = BootstrapProvider.kubeletArgs(infra, ProviderSpec.Bootstrap.KUBEADM, p.labels());
    spec.putObject("joinConfiguration").set("nodeRegistration", nodeRegistration(infra, args, p.taints()));
    List<ObjectNode> files = RegistryMirrors.containerdFiles(plan);
    if (!files.isEmpty()) {
      spec.putArray("files").addAll(files);
    }
    users(plan, spec);
    return spec;
  }

  private static ObjectNode nodeRegistration(Infrastructure infra, Map<String, String> args, List<NodesSpec.Taint> taints) {
    ObjectNode reg = Json.object();
    if (!args.isEmpty()) {
      ArrayNode list = reg.putArray("kubeletExtraArgs");
      args.forEach((k, v) -> list.addObject().put("name", k).put("value", v));
    }
    infra.nodeNameTemplate().ifPresent(n -> reg.put("name", n));
    if (!taints.isEmpty()) {
      ArrayNode list = reg.putArray("taints");
      for (NodesSpec.Taint t : taints) {
        ObjectNode o = list.addObject();
        o.put("effect", t.effect().wire());
        o.put("key", t.key());
        t.value().ifPresent(v -> o.put("value", v));
      }
    }
    return reg;
  }

  private static void users(ClusterPlan plan, ObjectNode config) {
    List<String> keys = plan.sshAuthorizedKeys();
    if (!keys.isEmpty()) {
      ObjectNode user = config.putArray("users").addObject();
      user.put("name", USER);
      user.set("sshAuthorizedKeys", Json.strings(keys));
      user.put("sudo", "ALL=(ALL) NOPASSWD:ALL");
    }
  }
}
