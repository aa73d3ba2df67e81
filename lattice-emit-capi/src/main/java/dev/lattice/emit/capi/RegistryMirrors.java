package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.LatticeClusterSpec.RegistryMirror;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Container image mirrors, by upstream registry (sorted) and in the declared order of preference:
 * containerd {@code hosts.toml} files for kubeadm nodes ({@code
 * /etc/containerd/certs.d/<registry>/hosts.toml}), {@code privateRegistriesConfig.mirrors} for RKE2.
 */
final class RegistryMirrors {
  private RegistryMirrors() {}

  static List<ObjectNode> containerdFiles(ClusterPlan plan) {
    List<ObjectNode> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byUpstream(plan).entrySet()) {
      List<String> lines = new ArrayList<>(List.of("server = \"" + upstreamServer(e.getKey()) + "\""));
      for (String mirror : e.getValue()) {
        lines.addAll(List.of("", "[host.\"" + mirror + "\"]", "  capabilities = [\"pull\", \"resolve\"]"));
      }
      lines.add("");
      ObjectNode f = Json.object();
      f.put("path", "/etc/containerd/certs.d/" + e.getKey() + "/hosts.toml");
      f.put("owner", "root:root");
      f.put("permissions", "0644");
      f.put("content", String.join("\n", lines));
      out.add(f);
    }
    return out;
  }

  /** {@code privateRegistriesConfig} for RKE2, or empty when there are no mirrors. */
  static Optional<ObjectNode> rke2(ClusterPlan plan) {
    if (plan.spec().registryMirrors().isEmpty()) {
      return Optional.empty();
    }
    ObjectNode config = Json.object();
    ObjectNode mirrors = config.putObject("mirrors");
    byUpstream(plan).forEach((upstream, endpoints) -> mirrors.putObject(upstream).set("endpoint", Json.strings(endpoints)));
    return Optional.of(config);
  }

  private static SortedMap<String, List<String>> byUpstream(ClusterPlan plan) {
    SortedMap<String, List<String>> out = new TreeMap<>();
    for (RegistryMirror m : plan.spec().registryMirrors()) {
      List<String> list = out.computeIfAbsent(m.upstream(), k -> new ArrayList<>());
      if (!list.contains(m.mirror())) {
        list.add(m.mirror());
      }
    }
    return out;
  }

  private static String upstreamServer(String upstream) {
    return "docker.io".equals(upstream) ? "https://registry-1.docker.io" : "https://" + upstream;
  }
}
