package dev.lattice.cli.gitops;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Tag;

/** {@code lattice service register} and {@code lattice placement create|scale|delete}, as pure edits. */
public final class ServiceEdits {
  private ServiceEdits() {}

  /**
   * Registers a service: {@code registrations/<name>.yaml} with a Flux GitRepository (url, branch)
   * and a Kustomization (path in that repository, default replica count). Refuses a name that is not
   * a DNS label or is taken, and a URL Flux does not take (http, https or ssh).
   */
  public static Edit register(RepoTree tree, String name, String url, String path, String branch, int replicas) throws Refusal {
    if (!LayoutCheck.DNS_LABEL.matcher(name).matches()) {
      throw new Refusal("service name '" + name + "' is not a DNS label (lower-case letters, digits and '-', at most 63)");
    }
    if (tree.exists(Layout.registration(name))) {
      throw new Refusal("service " + name + " is registered already (" + Layout.registration(name) + ")");
    }
    if (!FluxCheck.URL.matcher(url).matches()) {
      throw new Refusal("--git-url '" + url + "' is not an http://, https:// or ssh:// URL (write git@host:org/repo as ssh://git@host/org/repo)");
    }
    if (branch.isBlank() || branch.contains(" ")) {
      throw new Refusal("--branch '" + branch + "' is not a branch name");
    }
    String p = path.startsWith("./") ? path : path.startsWith("/") ? "." + path : "./" + path;
    if (p.contains("..") || p.contains(" ")) {
      throw new Refusal("--git-path '" + path + "' must be a path inside the service's repository");
    }
    RepoTree next = tree.with(Layout.registration(name), FluxDocs.registration(name, url, branch, p, replicas, RepoConfig.of(tree).interval()));
    return new Edit(Kustomizations.sync(next), "registered service " + name + " (" + url + " " + branch + " " + p + ")");
  }

  /** Places a registered service on a cluster, with a replica count (default: the registration's) and variables. */
  public static Edit place(RepoTree tree, String service, String cluster, Integer replicas, Map<String, String> env) throws Refusal {
    ClusterTree.Entry e = ClusterTree.of(tree).require(cluster);
    if (!tree.exists(Layout.registration(service))) {
      throw new Refusal("no service '" + service + "' is registered (services: " + String.join(", ", Kustomizations.services(tree)) + ")");
    }
    String path = Layout.placement(e.dir(), service);
    if (tree.exists(path)) {
      throw new Refusal(service + " is placed on " + cluster + " already; use `lattice placement scale`");
    }
    SortedMap<String, String> vars = new TreeMap<>();
    for (var kv : env.entrySet()) {
      if (!FluxCheck.VARIABLE.matcher(kv.getKey()).matches() || kv.getKey().startsWith("LATTICE_")) {
        throw new Refusal("--env " + kv.getKey() + ": a variable is a letter or '_' then letters, digits or '_', and LATTICE_ is reserved");
      }
      vars.put(kv.getKey(), kv.getValue());
    }
    int count = replicas != null ? replicas : defaultReplicas(tree, service);
    RepoTree next = tree.with(path, FluxDocs.placement(service, cluster, count, vars));
    return new Edit(Kustomizations.sync(next), "placed " + service + " on " + cluster + " with " + count + " replica" + (count == 1 ? "" : "s"));
  }

  /** Changes the replica count of a placement. */
  public static Edit scale(RepoTree tree, String service, String cluster, int replicas) throws Refusal {
    String path = existing(tree, service, cluster);
    YamlFile f = YamlFile.parse(path, tree.get(path).orElseThrow());
    String before = YamlFile.text(f.root(0), "spec", "postBuild", "substitute", FluxDocs.REPLICAS_VAR).orElse("?");
    f.set(f.root(0), Tag.STR, Integer.toString(replicas), "spec", "postBuild", "substitute", FluxDocs.REPLICAS_VAR);
    return new Edit(tree.with(path, f.render()), "scaled " + service + " on " + cluster + " from " + before + " to " + replicas + " replicas");
  }

  /** Removes a placement. */
  public static Edit unplace(RepoTree tree, String service, String cluster) throws Refusal {
    String path = existing(tree, service, cluster);
    return new Edit(Kustomizations.sync(tree.without(path)), "removed " + service + " from " + cluster);
  }

  private static String existing(RepoTree tree, String service, String cluster) throws Refusal {
    ClusterTree.Entry e = ClusterTree.of(tree).require(cluster);
    String path = Layout.placement(e.dir(), service);
    if (!tree.exists(path)) {
      throw new Refusal(service + " is not placed on " + cluster + (e.placements().isEmpty() ? ""
          : " (placed there: " + String.join(", ", e.placements()) + ")"));
    }
    return path;
  }

  static int defaultReplicas(RepoTree tree, String service) {
    try {
      YamlFile f = YamlFile.parse("", tree.get(Layout.registration(service)).orElse(""));
      return Integer.parseInt(YamlFile.text(f.root(1), "spec", "postBuild", "substitute", FluxDocs.REPLICAS_VAR).orElse("1"));
    } catch (Refusal | NumberFormatException e) {
      return 1;
    }
  }
}
