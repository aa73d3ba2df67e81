package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.emit.capi.addons.CiliumOptions;
import java.util.Map;

/**
 * The ClusterClass variables of the topology form — one optional boolean per Cilium toggle,
 * defaulting to {@link CiliumOptions#DEFAULTS} — their values on a Cluster, and the patch that
 * leaves kube-proxy out of the control plane when {@code kubeProxyReplacement} is true. The add-on
 * ConfigMaps are compiled from the same values.
 */
final class TopologyVariables {
  private static final Map<String, String> DESCRIPTIONS = Map.of(
      "kubeProxyReplacement", "Cilium replaces kube-proxy (eBPF services); kube-proxy is not installed.",
      "hubble", "Hubble flow observability and its relay.",
      "hubbleUi", "The Hubble web UI.",
      "wireguard", "Transparent node-to-node encryption with WireGuard.",
      "gatewayApi", "Cilium's Gateway API implementation (needs the Gateway API CRDs).",
      "l2Announcements", "ARP answers for LoadBalancer addresses.",
      "bandwidthManager", "EDT-based pod egress rate limits and BBR.");

  private TopologyVariables() {}

  static ArrayNode definitions() {
    ArrayNode out = Json.array();
    CiliumOptions.DEFAULTS.byName().forEach((name, dflt) -> {
      ObjectNode v = out.addObject();
      v.put("name", name);
      v.put("required", false);
      ObjectNode schema = v.putObject("schema").putObject("openAPIV3Schema");
      schema.put("default", dflt);
      schema.put("description", DESCRIPTIONS.get(name));
      schema.put("type", "boolean");
    });
    return out;
  }

  static ArrayNode values(CiliumOptions options) {
    ArrayNode out = Json.array();
    options.byName().forEach((name, value) -> out.addObject().put("name", name).put("value", value));
    return out;
  }

  static ArrayNode patches(BootstrapProvider bootstrap, ClusterPlan plan) {
    ArrayNode out = Json.array();
    ObjectNode patch = out.addObject();
    BootstrapProvider.SpecPatch p = bootstrap.kubeProxyPatch(plan);
    ObjectNode def = patch.putArray("definitions").addObject();
    ObjectNode op = def.putArray("jsonPatches").addObject();
    op.put("op", "add");
    op.put("path", "/spec/template/spec" + p.path());
    op.set("value", p.value());
    ObjectNode selector = def.putObject("selector");
    selector.put("apiVersion", bootstrap.controlPlaneApi());
    selector.put("kind", bootstrap.controlPlaneTemplateKind());
    selector.putObject("matchResources").put("controlPlane", true);
    patch.put("enabledIf", "{{ .kubeProxyReplacement }}");
    patch.put("name", TopologyEmission.KUBE_PROXY_PATCH);
    return out;
  }
}
