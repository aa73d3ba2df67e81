package dev.lattice.cli.gitops;

import dev.lattice.model.diagnostics.Codes;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The layout part of {@link RepoValidator}: the files every repository and every cluster folder
 * must have, entries that are out of place (warnings: Lattice ignores them), folder names that
 * match the cluster inside, and the settings in {@code .lattice/config.yaml}.
 */
final class LayoutCheck {
  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Set<String> ROOT_ENTRIES = Set.of(Layout.CLUSTER, Layout.KUSTOMIZATION, ".lattice/",
      Layout.REGISTRATIONS + "/", Layout.PLACEMENTS + "/", Layout.CHILDREN + "/");
  private static final Set<String> CHILD_ENTRIES = Set.of(Layout.CLUSTER, Layout.KUSTOMIZATION, Layout.FLUX,
      Layout.PLACEMENTS + "/", Layout.CHILDREN + "/");

  private final RepoTree tree;
  private final Report report;

  LayoutCheck(RepoTree tree, Report report) {
    this.tree = tree;
    this.report = report;
  }

  void check(ClusterTree clusters) {
    config();
    if (!tree.exists(Layout.CLUSTER)) {
      report.error(Codes.REPO_LAYOUT, Layout.CLUSTER, null, "the repository has no root cluster.yaml",
          "copy examples/gitops to start a repository");
    }
    for (ClusterTree.Entry e : clusters.all()) {
      folder(e);
    }
    for (String name : tree.entries(Layout.REGISTRATIONS)) {
      String path = Layout.REGISTRATIONS + "/" + name;
      if (!name.endsWith(".yaml")) {
        report.warning(Codes.REPO_LAYOUT, path, null, path + " is not part of the layout; Lattice ignores it", null);
      } else if (!name.equals(Layout.KUSTOMIZATION) && !DNS_LABEL.matcher(name.substring(0, name.length() - 5)).matches()) {
        report.error(Codes.REPO_LAYOUT, path, null, "registration file name '" + name + "' is not <service>.yaml with a DNS-label service name", null);
      }
    }
  }

  private void folder(ClusterTree.Entry e) {
    String cluster = Layout.join(e.dir(), Layout.CLUSTER);
    for (String required : e.isRoot() ? new String[] {Layout.KUSTOMIZATION} : new String[] {Layout.CLUSTER, Layout.FLUX, Layout.KUSTOMIZATION}) {
      String path = Layout.join(e.dir(), required);
      if (!tree.exists(path) && e.listed()) {
        report.error(Codes.REPO_LAYOUT, path, null, "cluster folder " + (e.isRoot() ? "(root)" : e.dir()) + " has no " + required,
            "let `lattice cluster add` create cluster folders");
      } else if (!tree.exists(path)) {
        report.warning(Codes.REPO_LAYOUT, path, null, "cluster folder " + e.dir() + " has no " + required + " and its parent's "
            + Layout.KUSTOMIZATION + " does not list it, so nothing applies it (a command interrupted?)",
            "run the command again, or remove the folder");
      }
    }
    if (tree.exists(cluster) && e.cluster().isEmpty()) {
      report.error(Codes.REPO_LAYOUT, cluster, null, cluster + " must hold exactly one LatticeCluster (and, optionally, CloudProviders)", null);
    }
    e.cluster().ifPresent(c -> {
      if (!e.isRoot() && !c.metadata().name().equals(e.name())) {
        report.error(Codes.REPO_LAYOUT, cluster, null, "folder " + e.dir() + " holds cluster '" + c.metadata().name()
            + "'; the folder must be named after its cluster", "rename the folder to " + Layout.childDir(parentDir(e), c.metadata().name()));
      }
    });
    for (String entry : tree.entries(e.dir())) {
      if (!(e.isRoot() ? ROOT_ENTRIES : CHILD_ENTRIES).contains(entry)) {
        String path = Layout.join(e.dir(), entry);
        report.warning(Codes.REPO_LAYOUT, path, null, path + " is not part of the layout; Lattice ignores it", null);
      }
    }
    for (String entry : tree.entries(Layout.join(e.dir(), Layout.PLACEMENTS))) {
      String path = Layout.join(e.dir(), Layout.PLACEMENTS + "/" + entry);
      if (!entry.endsWith(".yaml")) {
        report.warning(Codes.REPO_LAYOUT, path, null, path + " is not part of the layout; Lattice ignores it", null);
      }
    }
    String childrenDir = Layout.join(e.dir(), Layout.CHILDREN);
    for (String entry : tree.entries(childrenDir)) {
      String path = Layout.join(e.dir(), Layout.CHILDREN + "/" + entry);
      if (!entry.endsWith("/")) {
        report.warning(Codes.REPO_LAYOUT, path, null, path + " is not part of the layout; Lattice ignores it", null);
      } else if (!e.children().contains(entry.substring(0, entry.length() - 1))) {
        report.warning(Codes.REPO_LAYOUT, path, null, path + " holds no cluster.yaml, flux.yaml or kustomization.yaml, so it is"
            + " not a cluster folder; Lattice ignores it", null);
      }
    }
  }

  private static String parentDir(ClusterTree.Entry e) {
    int i = e.dir().lastIndexOf("/" + Layout.CHILDREN + "/");
    return i < 0 ? "" : e.dir().substring(0, i);
  }

  private void config() {
    if (!tree.exists(Layout.CONFIG)) {
      report.error(Codes.REPO_LAYOUT, Layout.CONFIG, null, "the repository has no " + Layout.CONFIG,
          "copy it from examples/gitops/.lattice/config.yaml");
      return;
    }
    try {
      YamlFile f = YamlFile.parse(Layout.CONFIG, tree.get(Layout.CONFIG).orElseThrow());
      Node root = f.root(0);
      String version = YamlFile.text(root, "flux", "version").orElse("");
      if (!RepoConfig.FLUX_VERSION.matcher(version).matches()) {
        report.error(Codes.REPO_DOCUMENT, Layout.CONFIG, YamlFile.find(root, "flux", "version").orElse(root),
            "flux.version '" + version + "' is not a Flux 2 version vMAJOR.MINOR.PATCH", "set it with `lattice flux set-version v2.4.0`");
      }
      YamlFile.find(root, "defaults", "interval").ifPresent(n -> {
        String interval = YamlFile.text(root, "defaults", "interval").orElse("");
        if (!RepoConfig.DURATION.matcher(interval).matches()) {
          report.error(Codes.REPO_DOCUMENT, Layout.CONFIG, n, "defaults.interval '" + interval + "' is not a duration", "write e.g. 10m or 1h");
        }
      });
    } catch (Refusal r) {
      report.error(Codes.SYNTAX, Layout.CONFIG, null, r.getMessage(), null);
    }
  }
}
