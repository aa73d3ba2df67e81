package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.ProviderSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kube-vip static pod that holds the control-plane address on bare VMs (ARP mode, leader
 * election among control-plane nodes), as a bootstrap {@code files} entry. kubeadm's first node has
 * only {@code super-admin.conf} until it is initialised (Kubernetes 1.29+), so the pod starts with
 * it there and the pre-command switches the manifest on that node only.
 */
final class KubeVip {
  static final String IMAGE = "ghcr.io/kube-vip/kube-vip:v0.8.9";
  private static final String KUBEADM_MANIFEST = "/etc/kubernetes/manifests/kube-vip.yaml";
  private static final String KUBEADM_KUBECONFIG = "/etc/kubernetes/admin.conf";
  private static final String RKE2_MANIFEST = "/var/lib/rancher/rke2/agent/pod-manifests/kube-vip.yaml";
  private static final String RKE2_KUBECONFIG = "/etc/rancher/rke2/rke2.yaml";

  private KubeVip() {}

  static ObjectNode file(ProviderSpec.Bootstrap bootstrap, String address, int port, Optional<String> iface) {
    boolean kubeadm = bootstrap == ProviderSpec.Bootstrap.KUBEADM;
    String kubeconfig = kubeadm ? KUBEADM_KUBECONFIG : RKE2_KUBECONFIG;
    Document pod = Json.document("v1", "Pod", Optional.of("kube-system"), "kube-vip", Map.of(), body -> {
      ObjectNode spec = body.putObject("spec");
      ObjectNode c = spec.putArray("containers").addObject();
      c.put("name", "kube-vip");
      c.put("image", IMAGE);
      c.put("imagePullPolicy", "IfNotPresent");
      c.set("args", Json.strings(List.of("manager")));
      ArrayNode env = c.putArray("env");
      env(env, "address", address);
      env(env, "port", Integer.toString(port));
      env(env, "cp_enable", "true");
      env(env, "vip_arp", "true");
      iface.ifPresent(i -> env(env, "vip_interface", i));
      env(env, "vip_leaderelection", "true");
      env(env, "vip_leaseduration", "15");
      env(env, "vip_renewdeadline", "10");
      env(env, "vip_retryperiod", "2");
      c.putObject("securityContext").putObject("capabilities").set("add", Json.strings(List.of("NET_ADMIN", "NET_RAW")));
      c.putArray("volumeMounts").addObject().put("mountPath", KUBEADM_KUBECONFIG).put("name", "kubeconfig");
      spec.putArray("hostAliases").addObject().put("ip", "127.0.0.1").set("hostnames", Json.strings(List.of("kubernetes")));
      spec.put("hostNetwork", true);
      ObjectNode vol = spec.putArray("volumes").addObject();
      vol.put("name", "kubeconfig");
      vol.putObject("hostPath").put("path", kubeconfig).put("type", "FileOrCreate");
    });
    ObjectNode file = Json.object();
    file.put("path", kubeadm ? KUBEADM_MANIFEST : RKE2_MANIFEST);
    file.put("owner", "root:root");
    file.put("permissions", "0644");
    file.put("content", DocumentWriter.toYaml(pod));
    return file;
  }

  static List<String> preCommands(ProviderSpec.Bootstrap bootstrap) {
    if (bootstrap != ProviderSpec.Bootstrap.KUBEADM) {
      return List.of();
    }
    return List.of("if [ -f /run/kubeadm/kubeadm.yaml ]; then sed -i 's#path: " + KUBEADM_KUBECONFIG
        + "#path: /etc/kubernetes/super-admin.conf#' " + KUBEADM_MANIFEST + "; fi");
  }

  private static void env(ArrayNode env, String name, String value) {
    env.addObject().put("name", name).put("value", value);
  }
}
