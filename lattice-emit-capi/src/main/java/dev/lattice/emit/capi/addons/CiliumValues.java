package dev.lattice.emit.capi.addons;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.ProviderSpec;
import java.util.List;

/**
 * The Cilium chart values of a cluster. With kube-proxy replacement Cilium must reach the API server
 * without a Service: kubeadm clusters read it from {@code kube-public/cluster-info} ({@code auto}),
 * RKE2 nodes through the local supervisor ({@code 127.0.0.1:6443}), Talos nodes through KubePrism
 * ({@code localhost:7445}). With the Istio ambient mesh Cilium does not own the CNI config alone
 * ({@code cni.exclusive: false}, so istio-cni can chain) and its socket load balancer stays in the
 * host namespace, which ambient needs. Talos mounts cgroups itself and grants fewer capabilities.
 */
final class CiliumValues {
  private static final List<String> TALOS_AGENT_CAPS = List.of("CHOWN", "KILL", "NET_ADMIN", "NET_RAW", "IPC_LOCK",
      "SYS_ADMIN", "SYS_RESOURCE", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID");
  private static final List<String> TALOS_CLEAN_CAPS = List.of("NET_ADMIN", "SYS_ADMIN", "SYS_RESOURCE");

  private CiliumValues() {}

  static ObjectNode of(CiliumOptions o, ProviderSpec.Bootstrap bootstrap, boolean mesh) {
    ObjectNode v = Json.object();
    v.putObject("bandwidthManager").put("bbr", o.bandwidthManager()).put("enabled", o.bandwidthManager());
    if (bootstrap == ProviderSpec.Bootstrap.TALOS) {
      ObjectNode cgroup = v.putObject("cgroup");
      cgroup.putObject("autoMount").put("enabled", false);
      cgroup.put("hostRoot", "/sys/fs/cgroup");
    }
    if (mesh) {
      v.putObject("cni").put("exclusive", false);
    }
    ObjectNode encryption = v.putObject("encryption");
    encryption.put("enabled", o.wireguard());
    if (o.wireguard()) {
      encryption.put("type", "wireguard");
    }
    v.putObject("gatewayAPI").put("enabled", o.gatewayApi());
    ObjectNode hubble = v.putObject("hubble");
    hubble.put("enabled", o.hubble());
    hubble.putObject("relay").put("enabled", o.hubble());
    hubble.putObject("ui").put("enabled", o.hubble() && o.hubbleUi());
    v.putObject("ipam").put("mode", "kubernetes");
    if (o.kubeProxyReplacement()) {
      switch (bootstrap) {
        case RKE2 -> v.put("k8sServiceHost", "127.0.0.1").put("k8sServicePort", 6443);
        case TALOS -> v.put("k8sServiceHost", "localhost").put("k8sServicePort", 7445);
        default -> v.put("k8sServiceHost", "auto");
      }
    }
    v.put("kubeProxyReplacement", o.kubeProxyReplacement());
    v.putObject("l2announcements").put("enabled", o.l2Announcements());
    if (bootstrap == ProviderSpec.Bootstrap.TALOS) {
      ObjectNode caps = v.putObject("securityContext").putObject("capabilities");
      caps.set("ciliumAgent", Json.strings(TALOS_AGENT_CAPS));
      caps.set("cleanCiliumState", Json.strings(TALOS_CLEAN_CAPS));
    }
    if (mesh && o.kubeProxyReplacement()) {
      v.putObject("socketLB").put("hostNamespaceOnly", true);
    }
    return v;
  }
}
