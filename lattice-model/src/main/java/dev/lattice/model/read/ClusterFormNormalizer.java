package dev.lattice.model.read;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.diagnostics.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the seed README's older {@code LatticeCluster} form into the canonical one before
 * binding, keeping every value's position; one warning ({@code LAT1103}) lists the rewrites. Keys
 * are matched in either spelling ({@code control_plane} or {@code controlPlane}).
 *
 * <ul>
 *   <li>{@code nodes: {control_plane: N, workers: M}} → {@code controlPlane: {replicas: N}} and the
 *       pool {@code default} with {@code replicas: M};
 *   <li>{@code provider.kubernetes.bootstrap_provider} → {@code bootstrap}, {@code cert_sans} →
 *       {@code certSANs};
 *   <li>{@code endpoints} → {@code parentConfig};
 *   <li>{@code networking.default: {cidr}} → {@code networking.loadBalancerPools.default} (the
 *       original compiles it into a Cilium LB-IPAM pool named {@code default});
 *   <li>the per-role sections of the provider blocks ({@link ProviderRoleSections}).
 * </ul>
 */
final class ClusterFormNormalizer {
  private final Diagnostics diagnostics;
  private final List<String> moved = new ArrayList<>();

  ClusterFormNormalizer(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Returns the spec to bind: the given one, or a rewritten copy. */
  Node.MapNode normalize(Node.MapNode spec) {
    LinkedHashMap<String, Node.Entry> out = new LinkedHashMap<>(spec.entries());
    rename(out, "endpoints", "parentConfig", "spec.endpoints → spec.parentConfig");
    Node.MapNode nodes = nodes(out);
    provider(out, nodes);
    networking(out);
    if (!moved.isEmpty()) {
      diagnostics.add(Diagnostic.warning(Codes.OLDER_CLUSTER_FORM,
          "older LatticeCluster form; read as the canonical form",
          "canonical spelling: " + String.join("; ", moved), spec.position(), "spec"));
    }
    return new Node.MapNode(spec.position(), out);
  }

  private Node.MapNode nodes(LinkedHashMap<String, Node.Entry> spec) {
    Node.Entry nodesEntry = find(spec, "nodes");
    if (nodesEntry == null || !(nodesEntry.value() instanceof Node.MapNode nodes)) {
      return null;
    }
    LinkedHashMap<String, Node.Entry> out = new LinkedHashMap<>(nodes.entries());
    Node.Entry cp = find(out, "controlPlane");
    if (cp != null && cp.value() instanceof Node.ScalarNode n && n.type() == Node.ScalarType.INT) {
      out.remove(cp.key());
      out.put("controlPlane", new Node.Entry("controlPlane", cp.keyPosition(), map(n.position(), "replicas", cp.keyPosition(), n)));
      moved.add("nodes.control_plane: N → nodes.controlPlane.replicas: N");
    }
    Node.Entry workers = find(out, "workers");
    if (workers != null && workers.value() instanceof Node.ScalarNode n && n.type() == Node.ScalarType.INT
        && find(out, "workerPools") == null) {
      out.remove(workers.key());
      Node.MapNode pool = map(n.position(), "replicas", workers.keyPosition(), n);
      out.put("workerPools", new Node.Entry("workerPools", workers.keyPosition(),
          map(n.position(), "default", workers.keyPosition(), pool)));
      moved.add("nodes.workers: M → nodes.workerPools.default.replicas: M");
    }
    Node.MapNode result = new Node.MapNode(nodes.position(), out);
    spec.put(nodesEntry.key(), new Node.Entry(nodesEntry.key(), nodesEntry.keyPosition(), result));
    return result;
  }

  private void provider(LinkedHashMap<String, Node.Entry> spec, Node.MapNode nodes) {
    Node.Entry providerEntry = find(spec, "provider");
    if (providerEntry == null || !(providerEntry.value() instanceof Node.MapNode provider)) {
      return;
    }
    LinkedHashMap<String, Node.Entry> out = new LinkedHashMap<>(provider.entries());
    Node.Entry k8s = find(out, "kubernetes");
    if (k8s != null && k8s.value() instanceof Node.MapNode kubernetes) {
      LinkedHashMap<String, Node.Entry> ko = new LinkedHashMap<>(kubernetes.entries());
      rename(ko, "bootstrapProvider", "bootstrap", "provider.kubernetes.bootstrap_provider → bootstrap");
      rename(ko, "certSans", "certSANs", "provider.kubernetes.cert_sans → certSANs");
      out.put(k8s.key(), new Node.Entry(k8s.key(), k8s.keyPosition(), new Node.MapNode(kubernetes.position(), ko)));
    }
    Node.Entry config = find(out, "config");
    if (config != null && config.value() instanceof Node.MapNode c && nodes != null) {
      ProviderRoleSections roles = new ProviderRoleSections(diagnostics, moved);
      LinkedHashMap<String, Node.Entry> co = new LinkedHashMap<>(c.entries());
      LinkedHashMap<String, Node.Entry> nodesOut = nodes.entries();
      for (Map.Entry<String, Node.Entry> e : List.copyOf(co.entrySet())) {
        if (e.getValue().value() instanceof Node.MapNode block) {
          Node.MapNode rewritten = roles.rewrite(e.getKey(), block, nodesOut);
          co.put(e.getKey(), new Node.Entry(e.getKey(), e.getValue().keyPosition(), rewritten));
        }
      }
      out.put(config.key(), new Node.Entry(config.key(), config.keyPosition(), new Node.MapNode(c.position(), co)));
    }
    spec.put(providerEntry.key(), new Node.Entry(providerEntry.key(), providerEntry.keyPosition(),
        new Node.MapNode(provider.position(), out)));
  }

  private void networking(LinkedHashMap<String, Node.Entry> spec) {
    Node.Entry netEntry = find(spec, "networking");
    if (netEntry == null || !(netEntry.value() instanceof Node.MapNode net)) {
      return;
    }
    Node.Entry def = net.entries().get("default");
    if (def == null || find(net.entries(), "loadBalancerPools") != null) {
      return;
    }
    LinkedHashMap<String, Node.Entry> out = new LinkedHashMap<>(net.entries());
    out.remove("default");
    out.put("loadBalancerPools", new Node.Entry("loadBalancerPools", def.keyPosition(),
        map(def.value().position(), "default", def.keyPosition(), def.value())));
    moved.add("networking.default.cidr → networking.loadBalancerPools.default.cidr (a Cilium LB-IPAM pool)");
    spec.put(netEntry.key(), new Node.Entry(netEntry.key(), netEntry.keyPosition(), new Node.MapNode(net.position(), out)));
  }

  private void rename(LinkedHashMap<String, Node.Entry> map, String from, String to, String note) {
    Node.Entry e = find(map, from);
    if (e == null || find(map, to) != null) {
      return;
    }
    LinkedHashMap<String, Node.Entry> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k.equals(e.key()) ? to : k, k.equals(e.key()) ? new Node.Entry(to, e.keyPosition(), e.value()) : v));
    map.clear();
    map.putAll(copy);
    moved.add(note);
  }

  /** The entry whose key is {@code camel} in either spelling. */
  static Node.Entry find(Map<String, Node.Entry> map, String camel) {
    Node.Entry e = map.get(camel);
    if (e != null) {
      return e;
    }
    for (Node.Entry x : map.values()) {
      if (x.key().indexOf('_') >= 0 && Paths.snakeToCamel(x.key()).equals(camel)) {
        return x;
      }
    }
    return null;
  }

  static Node.MapNode map(SourcePosition at, String key, SourcePosition keyAt, Node value) {
    LinkedHashMap<String, Node.Entry> m = new LinkedHashMap<>();
    m.put(key, new Node.Entry(key, keyAt, value));
    return new Node.MapNode(at, m);
  }
}
