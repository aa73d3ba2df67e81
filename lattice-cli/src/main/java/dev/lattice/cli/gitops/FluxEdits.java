package dev.lattice.cli.gitops;

import org.yaml.snakeyaml.nodes.Tag;

/** {@code lattice flux set-version|suspend|resume}, as pure edits. */
public final class FluxEdits {
  private FluxEdits() {}

  /** Sets {@code flux.version} in {@code .lattice/config.yaml}: a Flux 2 release, {@code v2.MINOR.PATCH}. */
  public static Edit setVersion(RepoTree tree, String version) throws Refusal {
    String v = version.startsWith("v") ? version : "v" + version;
    if (!RepoConfig.FLUX_VERSION.matcher(v).matches()) {
      throw new Refusal("'" + version + "' is not a Flux 2 version (v2.MINOR.PATCH, e.g. v2.4.0)");
    }
    String before = RepoConfig.of(tree).fluxVersion();
    YamlFile f = YamlFile.parse(Layout.CONFIG, tree.get(Layout.CONFIG).orElseThrow(() -> new Refusal("the repository has no " + Layout.CONFIG)));
    f.set(f.root(0), Tag.STR, v, "flux", "version");
    return new Edit(tree.with(Layout.CONFIG, f.render()), "set the Flux version from " + before + " to " + v);
  }

  /** Sets {@code spec.suspend} of a child cluster's Flux Kustomization. */
  public static Edit suspend(RepoTree tree, String cluster, boolean suspend) throws Refusal {
    ClusterTree.Entry e = ClusterTree.of(tree).require(cluster);
    if (e.isRoot()) {
      throw new Refusal(cluster + " is the root cluster: its Flux is the one `flux bootstrap` installed; use `flux "
          + (suspend ? "suspend" : "resume") + " kustomization flux-system` there");
    }
    String path = Layout.join(e.dir(), Layout.FLUX);
    YamlFile f = YamlFile.parse(path, tree.get(path).orElseThrow(() -> new Refusal(path + " is missing")));
    f.set(f.root(0), Tag.BOOL, Boolean.toString(suspend), "spec", "suspend");
    return new Edit(tree.with(path, f.render()), (suspend ? "suspended" : "resumed") + " Flux for cluster " + cluster);
  }
}
