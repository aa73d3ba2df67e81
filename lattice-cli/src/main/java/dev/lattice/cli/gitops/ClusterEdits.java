package dev.lattice.cli.gitops;

import dev.lattice.model.LatticeCluster;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.cluster.NodesSpec;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code lattice cluster add|scale|upgrade|delete} as pure functions from one tree to the next.
 * Each refuses (a {@link Refusal}) rather than produce a repository that would be wrong; the caller
 * still validates the result before writing.
 */
public final class ClusterEdits {
  private ClusterEdits() {}

  /**
   * Adds the cluster in {@code text} (one LatticeCluster, optionally CloudProviders; copied as it
   * is, comments included) as a child of {@code parent}, with its Flux Kustomization and its
   * kustomization.yaml. Refuses a file that does not read cleanly, a taken name, an unknown parent
   * or a parent that is not a cell.
   */
  public static Edit add(RepoTree tree, String file, String text, String parent) throws Refusal {
    ReadResult read = new LatticeReader().readString(file, text);
    if (read.hasErrors()) {
      throw new Refusal(file + " does not read cleanly:\n" + String.join("\n", read.diagnostics().stream()
          .filter(d -> d.isError()).map(d -> d.render()).toList()));
    }
    List<LatticeCluster> found = read.objects().stream().map(SourcedObject::object)
        .filter(o -> o instanceof LatticeCluster).map(o -> (LatticeCluster) o).toList();
    if (found.size() != 1) {
      throw new Refusal(file + " must hold exactly one LatticeCluster, not " + found.size());
    }
    String name = found.get(0).metadata().name();
    ClusterTree clusters = ClusterTree.of(tree);
    if (clusters.find(name).isPresent()) {
      throw new Refusal("a cluster named " + name + " exists already (" + dirOf(clusters.find(name).get()) + ")");
    }
    ClusterTree.Entry p = clusters.require(parent);
    if (!p.isCell()) {
      throw new Refusal("cluster " + parent + " is not a cell (it has no spec.parentConfig), so it cannot have children");
    }
    String dir = Layout.childDir(p.dir(), name);
    RepoTree next = tree.with(Layout.join(dir, Layout.CLUSTER), text.endsWith("\n") ? text : text + "\n")
        .with(Layout.join(dir, Layout.FLUX), FluxDocs.clusterSync(name, dir, RepoConfig.of(tree).interval()));
    return new Edit(Kustomizations.sync(next), "added cluster " + name + " under " + parent);
  }

  /** Sets the fixed size of a worker pool ({@code --pool}, needed when there is more than one). */
  public static Edit scale(RepoTree tree, String name, int workers, String pool) throws Refusal {
    ClusterTree.Entry e = ClusterTree.of(tree).require(name);
    LatticeCluster c = e.cluster().orElseThrow(() -> new Refusal(dirOf(e) + "cluster.yaml does not read cleanly"));
    var pools = c.spec().nodes().workerPools();
    String chosen = pool;
    if (chosen == null) {
      if (pools.size() != 1) {
        throw new Refusal("cluster " + name + " has " + (pools.isEmpty() ? "no worker pools" : "pools " + String.join(", ", pools.keySet()))
            + "; name one with --pool");
      }
      chosen = pools.keySet().iterator().next();
    }
    NodesSpec.WorkerPool wp = pools.get(chosen);
    if (wp == null) {
      throw new Refusal("cluster " + name + " has no worker pool '" + chosen + "' (pools: " + String.join(", ", pools.keySet()) + ")");
    }
    if (wp.autoscaled()) {
      throw new Refusal("pool " + chosen + " of " + name + " is autoscaled (min " + wp.min().orElse(0) + ", max "
          + wp.max().orElse(0) + "); change min/max in its cluster.yaml instead");
    }
    String path = Layout.join(e.dir(), Layout.CLUSTER);
    YamlFile f = YamlFile.parse(path, tree.get(path).orElseThrow());
    f.set(clusterDocument(f), Tag.INT, Integer.toString(workers), "spec", "nodes", "workerPools", chosen, "replicas");
    return new Edit(tree.with(path, f.render()), "scaled pool " + chosen + " of cluster " + name + " from "
        + wp.replicas().orElse(1) + " to " + workers + " workers");
  }

  /** Changes the Kubernetes version: never down, never more than one minor version up. */
  public static Edit upgrade(RepoTree tree, String name, String version) throws Refusal {
    ClusterTree.Entry e = ClusterTree.of(tree).require(name);
    LatticeCluster c = e.cluster().orElseThrow(() -> new Refusal(dirOf(e) + "cluster.yaml does not read cleanly"));
    String current = c.spec().provider().kubernetes().version();
    K8sVersion from = K8sVersion.parse(current).orElseThrow(() -> new Refusal("cluster " + name + " has version '" + current + "', which is not MAJOR.MINOR.PATCH"));
    K8sVersion to = K8sVersion.parse(version).orElseThrow(() -> new Refusal("'" + version + "' is not a Kubernetes version MAJOR.MINOR.PATCH"));
    var why = from.refuseUpgradeTo(to);
    if (why.isPresent()) {
      throw new Refusal(why.get() + " (cluster " + name + ")");
    }
    String written = current.startsWith("v") ? "v" + to : to.toString();
    String path = Layout.join(e.dir(), Layout.CLUSTER);
    YamlFile f = YamlFile.parse(path, tree.get(path).orElseThrow());
    f.set(clusterDocument(f), Tag.STR, written, "spec", "provider", "kubernetes", "version");
    return new Edit(tree.with(path, f.render()), "upgraded cluster " + name + " from " + current + " to " + written);
  }

  /** Deletes a child cluster's folder; with children only when {@code recursive}. */
  public static Edit delete(RepoTree tree, String name, boolean recursive) throws Refusal {
    ClusterTree clusters = ClusterTree.of(tree);
    ClusterTree.Entry e = clusters.require(name);
    if (e.isRoot()) {
      throw new Refusal(name + " is the root (management) cluster; it cannot be deleted from the repository");
    }
    List<String> below = clusters.descendants(e).stream().map(ClusterTree.Entry::name).toList();
    if (!below.isEmpty() && !recursive) {
      throw new Refusal("cluster " + name + " has children (" + String.join(", ", below) + "); delete them first or pass --recursive");
    }
    RepoTree next = tree;
    List<ClusterTree.Entry> gone = new java.util.ArrayList<>(clusters.descendants(e));
    gone.add(e);
    for (ClusterTree.Entry g : gone) {
      next = withoutLayoutFiles(next, g);
    }
    next = Kustomizations.sync(next);
    return new Edit(next, "deleted cluster " + name + (below.isEmpty() ? "" : " and " + String.join(", ", below)));
  }

  /**
   * The tree without the files the layout gives a cluster folder (cluster.yaml, flux.yaml,
   * kustomization.yaml, placements/*.yaml): what else someone keeps there (notes, CI files) stays.
   */
  private static RepoTree withoutLayoutFiles(RepoTree tree, ClusterTree.Entry e) {
    RepoTree next = tree;
    for (String f : List.of(Layout.CLUSTER, Layout.FLUX, Layout.KUSTOMIZATION)) {
      next = next.without(Layout.join(e.dir(), f));
    }
    for (String svc : e.placements()) {
      next = next.without(Layout.placement(e.dir(), svc));
    }
    return next;
  }

  /** The LatticeCluster document of a cluster.yaml (which may also hold CloudProviders). */
  static MappingNode clusterDocument(YamlFile f) throws Refusal {
    for (Node d : f.documents()) {
      if (d instanceof MappingNode m && YamlFile.text(m, "kind").filter("LatticeCluster"::equals).isPresent()) {
        return m;
      }
    }
    throw new Refusal("no LatticeCluster document");
  }

  private static String dirOf(ClusterTree.Entry e) {
    return e.isRoot() ? "" : e.dir() + "/";
  }
}
