package dev.lattice.cli.gitops;

import dev.lattice.model.LatticeCluster;
import dev.lattice.model.cluster.NodesSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** What the read-only commands print: {@code cluster list|tree}, {@code service list}, {@code placement list}. */
public final class Listings {
  private Listings() {}

  /** One row per cluster: name, parent, provider, Kubernetes version, control plane, workers. */
  public static String clusters(RepoTree tree) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "PARENT", "PROVIDER", "K8S", "CONTROL-PLANE", "WORKERS"));
    for (ClusterTree.Entry e : ClusterTree.of(tree).all()) {
      rows.add(List.of(e.name(), e.parent().orElse("-"), e.cluster().map(Listings::provider).orElse("?"),
          e.cluster().map(c -> c.spec().provider().kubernetes().version()).orElse("?"),
          e.cluster().map(c -> Integer.toString(c.spec().nodes().controlPlane().replicas())).orElse("?"),
          e.cluster().map(Listings::workers).orElse("?")));
    }
    return table(rows);
  }

  /** The hierarchy, one cluster a line: {@code name (provider, version)} under its parent. */
  public static String tree(RepoTree tree) {
    ClusterTree clusters = ClusterTree.of(tree);
    StringBuilder out = new StringBuilder();
    clusters.root().ifPresent(root -> branch(clusters, root, "", "", out));
    return out.toString();
  }

  private static void branch(ClusterTree clusters, ClusterTree.Entry e, String lead, String childLead, StringBuilder out) {
    out.append(lead).append(e.name()).append(" (").append(e.cluster().map(Listings::provider).orElse("?")).append(", ")
        .append(e.cluster().map(c -> c.spec().provider().kubernetes().version()).orElse("?"))
        .append(e.isCell() ? ", cell" : "").append(")\n");
    for (int i = 0; i < e.children().size(); i++) {
      boolean last = i == e.children().size() - 1;
      ClusterTree.Entry child = clusters.find(e.children().get(i)).orElseThrow();
      branch(clusters, child, childLead + (last ? "└── " : "├── "), childLead + (last ? "    " : "│   "), out);
    }
  }

  /** One row per registered service: url, branch, path, default replicas and the clusters it is placed on. */
  public static String services(RepoTree tree) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "URL", "BRANCH", "PATH", "REPLICAS", "PLACED-ON"));
    for (String svc : Kustomizations.services(tree)) {
      Optional<YamlFile> f = parse(tree, Layout.registration(svc));
      Node source = f.map(y -> y.documents().get(0)).orElse(null);
      Node deploy = f.filter(y -> y.documents().size() > 1).map(y -> y.documents().get(1)).orElse(null);
      List<String> on = ClusterTree.of(tree).all().stream().filter(e -> e.placements().contains(svc)).map(ClusterTree.Entry::name).toList();
      rows.add(List.of(svc, text(source, "spec", "url"), text(source, "spec", "ref", "branch"), text(deploy, "spec", "path"),
          text(deploy, "spec", "postBuild", "substitute", FluxDocs.REPLICAS_VAR), on.isEmpty() ? "-" : String.join(",", on)));
    }
    return table(rows);
  }

  /** One row per placement (of one cluster, or all): service, cluster, replicas, variables. */
  public static String placements(RepoTree tree, Optional<String> cluster) throws Refusal {
    ClusterTree clusters = ClusterTree.of(tree);
    if (cluster.isPresent()) {
      clusters.require(cluster.get());
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("SERVICE", "CLUSTER", "REPLICAS", "ENV"));
    for (ClusterTree.Entry e : clusters.all()) {
      if (cluster.isPresent() && !cluster.get().equals(e.name())) {
        continue;
      }
      for (String svc : e.placements()) {
        Optional<Node> vars = parse(tree, Layout.placement(e.dir(), svc))
            .flatMap(y -> YamlFile.find(y.documents().get(0), "spec", "postBuild", "substitute"));
        List<String> env = new ArrayList<>();
        vars.filter(v -> v instanceof MappingNode).ifPresent(v -> ((MappingNode) v).getValue().forEach(t -> {
          String k = ((ScalarNode) t.getKeyNode()).getValue();
          if (!k.equals(FluxDocs.REPLICAS_VAR) && t.getValueNode() instanceof ScalarNode s) {
            env.add(k + "=" + s.getValue());
          }
        }));
        rows.add(List.of(svc, e.name(), vars.map(v -> text(v, FluxDocs.REPLICAS_VAR)).orElse("?"), env.isEmpty() ? "-" : String.join(",", env)));
      }
    }
    return table(rows);
  }

  private static String provider(LatticeCluster c) {
    var present = c.spec().provider().config().present();
    return present.size() == 1 ? present.get(0).wire() : "?";
  }

  private static String workers(LatticeCluster c) {
    List<String> pools = new ArrayList<>();
    for (Map.Entry<String, NodesSpec.WorkerPool> p : c.spec().nodes().workerPools().entrySet()) {
      NodesSpec.WorkerPool w = p.getValue();
      pools.add(p.getKey() + "=" + (w.autoscaled() ? w.min().orElse(0) + ".." + w.max().orElse(0) : w.replicas().orElse(1)));
    }
    return pools.isEmpty() ? "-" : String.join(",", pools);
  }

  private static Optional<YamlFile> parse(RepoTree tree, String path) {
    try {
      YamlFile f = YamlFile.parse(path, tree.get(path).orElse(""));
      return f.documents().isEmpty() ? Optional.empty() : Optional.of(f);
    } catch (Refusal r) {
      return Optional.empty();
    }
  }

  private static String text(Node n, String... path) {
    return n == null ? "?" : YamlFile.text(n, path).orElse("?");
  }

  /** Columns padded to their widest cell, two spaces apart, no trailing blanks. */
  static String table(List<List<String>> rows) {
    int[] width = new int[rows.get(0).size()];
    rows.forEach(r -> {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    });
    StringBuilder out = new StringBuilder();
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + (width[i] + 2) + "s", r.get(i)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
