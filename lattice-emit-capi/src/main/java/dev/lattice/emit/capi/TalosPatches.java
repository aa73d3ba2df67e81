package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.emit.capi.addons.CloudControllers;
import dev.lattice.model.cluster.NodesSpec;
import dev.lattice.model.cluster.ProviderConfig;
import dev.lattice.model.cluster.ProviderSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON patches (RFC 6902 {@code add}, onto members whose parents the generated config always
 * has) that make a Talos machine config a Lattice node: no bundled CNI (Lattice installs Cilium),
 * no kube-proxy when Cilium replaces it, the cluster's cert SANs, registry mirrors, the provider's
 * kubelet flags, a pool's node labels and taints, and on Proxmox control planes Talos' own shared
 * VIP in place of kube-vip.
 */
final class TalosPatches {
  private TalosPatches() {}

  static ArrayNode of(ClusterPlan plan, Infrastructure infra, boolean controlPlane) {
    return of(plan, infra, controlPlane, null);
  }

  /** The patches of the control plane ({@code pool} null) or of one pool. */
  static ArrayNode of(ClusterPlan plan, Infrastructure infra, boolean controlPlane, String pool) {
    ArrayNode out = Json.array();
    ObjectNode cni = Json.object();
    cni.put("name", "none");
    add(out, "/cluster/network/cni", cni);
    if (plan.cilium().kubeProxyReplacement()) {
      out.add(proxyDisabled());
    }
    List<String> sans = plan.spec().provider().kubernetes().certSANs();
    if (controlPlane && !sans.isEmpty()) {
      add(out, "/cluster/apiServer/certSANs", Json.strings(sans));
      add(out, "/machine/certSANs", Json.strings(sans));
    }
    if (CloudControllers.external(plan.spec())) {
      // kubelet, API server and controller manager with --cloud-provider=external (Talos machine config
      // cluster.externalCloudProvider)
      ObjectNode external = Json.object();
      external.put("enabled", true);
      add(out, "/cluster/externalCloudProvider", external);
    }
    if (controlPlane && CloudControllers.talosController(plan.spec())) {
      // the Talos cloud controller reads each node's platform metadata through the Talos API
      // (siderolabs/talos-cloud-controller-manager README, "Prepare control-plane")
      ObjectNode access = Json.object();
      access.put("enabled", true);
      access.set("allowedRoles", Json.strings(List.of("os:reader")));
      access.set("allowedKubernetesNamespaces", Json.strings(List.of("kube-system")));
      add(out, "/machine/features/kubernetesTalosAPIAccess", access);
    }
    Map<String, String> kubelet = new TreeMap<>(infra.kubeletArgs(ProviderSpec.Bootstrap.TALOS));
    if (!kubelet.isEmpty()) {
      add(out, "/machine/kubelet/extraArgs", Json.sortedMap(kubelet));
    }
    if (!plan.spec().registryMirrors().isEmpty()) {
      ObjectNode mirrors = Json.object();
      new TreeMap<>(plan.spec().registryMirrors().stream()
          .collect(java.util.stream.Collectors.toMap(m -> m.upstream(), m -> m.mirror(), (a, b) -> a)))
          .forEach((upstream, mirror) -> mirrors.putObject(upstream).set("endpoints", Json.strings(List.of(mirror))));
      ObjectNode registries = Json.object();
      registries.set("mirrors", mirrors);
      add(out, "/machine/registries", registries);
    }
    if (pool != null) {
      NodesSpec.WorkerPool p = plan.spec().nodes().workerPools().get(pool);
      if (!p.labels().isEmpty()) {
        add(out, "/machine/nodeLabels", Json.sortedMap(p.labels()));
      }
      if (!p.taints().isEmpty()) {
        Map<String, String> taints = new TreeMap<>();
        p.taints().forEach(t -> taints.put(t.key(), t.value().map(v -> v + ":").orElse("") + t.effect().wire()));
        add(out, "/machine/nodeTaints", Json.sortedMap(taints));
      }
    }
    Optional<ProviderConfig.Proxmox> proxmox = plan.spec().provider().config().proxmox();
    if (controlPlane && proxmox.isPresent()) {
      proxmox.get().controlPlaneEndpoint().ifPresent(endpoint -> {
        ObjectNode iface = Json.array().addObject();
        iface.putObject("deviceSelector").put("physical", true);
        iface.putObject("vip").put("ip", ProxmoxInfrastructure.endpointHost(endpoint));
        ArrayNode interfaces = Json.array();
        interfaces.add(iface);
        add(out, "/machine/network/interfaces", interfaces);
      });
    }
    return out;
  }

  /** {@code cluster.proxy.disabled: true}: kube-proxy is left out (Cilium replaces it). */
  static ObjectNode proxyDisabled() {
    ObjectNode proxy = Json.object();
    proxy.put("disabled", true);
    ObjectNode patch = Json.object();
    patch.put("op", "add");
    patch.put("path", "/cluster/proxy");
    patch.set("value", proxy);
    return patch;
  }

  private static void add(ArrayNode out, String path, JsonNode value) {
    out.addObject().put("op", "add").put("path", path).set("value", value);
  }
}
