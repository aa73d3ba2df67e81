package dev.lattice.cli.gitops;

import dev.lattice.model.LatticeCluster;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.read.LatticeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The clusters of a repository, found by walking cluster folders from the root: each with its
 * folder, its parent, the {@code LatticeCluster} read from its {@code cluster.yaml} (when that
 * reads cleanly), its placements and its children. Built from a {@link RepoTree}; pure.
 */
final class ClusterTree {
  /**
   * One cluster folder. {@code name} is the folder name (the root's: the name in its cluster.yaml).
   * {@code listed}: the root, or a child its parent's kustomization.yaml lists (under a listed parent);
   * an unlisted folder is not applied by anything yet — what a command interrupted between writing a
   * new folder and listing it (or between unlisting one and deleting it) leaves.
   */
  record Entry(String name, String dir, Optional<String> parent, Optional<LatticeCluster> cluster,
      List<String> placements, List<String> children, boolean listed) {
    boolean isRoot() {
      return dir.isEmpty();
    }

    boolean isCell() {
      return cluster.map(c -> c.spec().parentConfig().isPresent()).orElse(false);
    }
  }

  private final List<Entry> entries;

  private ClusterTree(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static ClusterTree of(RepoTree tree) {
    List<Entry> out = new ArrayList<>();
    if (tree.exists(Layout.CLUSTER)) {
      Optional<LatticeCluster> root = read(tree, Layout.CLUSTER);
      walk(tree, "", root.map(c -> c.metadata().name()).orElse("(root)"), Optional.empty(), root, true, out);
    }
    return new ClusterTree(out);
  }

  private static void walk(RepoTree tree, String dir, String name, Optional<String> parent,
      Optional<LatticeCluster> cluster, boolean listed, List<Entry> out) {
    List<String> children = clusterFolders(tree, Layout.join(dir, Layout.CHILDREN));
    List<String> placements = tree.entries(Layout.join(dir, Layout.PLACEMENTS)).stream()
        .filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5)).toList();
    out.add(new Entry(name, dir, parent, cluster, placements, children, listed));
    List<String> resources = Kustomizations.current(tree, Layout.join(dir, Layout.KUSTOMIZATION))
        .map(Kustomizations.Lists::resources).orElse(List.of());
    for (String child : children) {
      String childDir = Layout.childDir(dir, child);
      boolean childListed = listed && resources.contains(Layout.CHILDREN + "/" + child + "/" + Layout.CLUSTER);
      walk(tree, childDir, child, Optional.of(name), read(tree, Layout.join(childDir, Layout.CLUSTER)), childListed, out);
    }
  }

  /**
   * The folders under {@code dir} that are cluster folders: those holding a layout file (cluster.yaml,
   * flux.yaml or kustomization.yaml). A folder left with other files only — a deleted cluster's notes — is not.
   */
  static List<String> clusterFolders(RepoTree tree, String dir) {
    return folders(tree, dir).stream().filter(n -> java.util.stream.Stream.of(Layout.CLUSTER, Layout.FLUX, Layout.KUSTOMIZATION)
        .anyMatch(f -> tree.exists(Layout.join(Layout.join(dir, n), f)))).toList();
  }

  private static List<String> folders(RepoTree tree, String dir) {
    return tree.entries(dir).stream().filter(n -> n.endsWith("/")).map(n -> n.substring(0, n.length() - 1)).toList();
  }

  /** The one LatticeCluster of a file, when the file reads without errors and holds exactly one. */
  static Optional<LatticeCluster> read(RepoTree tree, String path) {
    return tree.get(path).flatMap(text -> {
      var result = new LatticeReader().readString(path, text);
      List<LatticeCluster> clusters = result.objects().stream().map(SourcedObject::object)
          .filter(o -> o instanceof LatticeCluster).map(o -> (LatticeCluster) o).toList();
      return clusters.size() == 1 ? Optional.of(clusters.get(0)) : Optional.empty();
    });
  }

  /** Every cluster, parents before children, siblings sorted by name. */
  List<Entry> all() {
    return entries;
  }

  Optional<Entry> root() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
  }

  Optional<Entry> find(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The cluster called {@code name}, or a refusal listing the clusters there are. */
  Entry require(String name) throws Refusal {
    Optional<Entry> e = find(name);
    if (e.isEmpty()) {
      throw new Refusal("no cluster '" + name + "' in the repository (clusters: "
          + String.join(", ", entries.stream().map(Entry::name).toList()) + ")");
    }
    return e.get();
  }

  /** The clusters below {@code e}, at any depth. */
  List<Entry> descendants(Entry e) {
    String prefix = Layout.join(e.dir(), Layout.CHILDREN + "/");
    return entries.stream().filter(x -> x.dir().startsWith(prefix)).toList();
  }
}
