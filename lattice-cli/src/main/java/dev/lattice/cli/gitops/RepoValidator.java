package dev.lattice.cli.gitops;

import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.CloudProvider;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a whole repository (what {@code lattice validate} does without PATH, and what every
 * command does to its result before writing): the layout and settings ({@link LayoutCheck}), every
 * Lattice document (each {@code cluster.yaml} compiled by the cluster compiler with the
 * repository's CloudProviders; cluster names unique across the tree), the Flux documents ({@link FluxCheck}), the
 * kustomizations (sorted, complete, nothing dangling) and the references (placements to registered
 * services; a cluster with children must be a cell, {@code spec.parentConfig}). Pure.
 */
public final class RepoValidator {
  private final LatticeCompiler compiler;

  public RepoValidator(LatticeCompiler compiler) {
    this.compiler = compiler;
  }

  /** Every diagnostic, sorted; the repository is valid when none is an error. */
  public List<Diagnostic> validate(RepoTree tree) {
    Report report = new Report();
    ClusterTree clusters = ClusterTree.of(tree);
    new LayoutCheck(tree, report).check(clusters);
    documents(tree, clusters, report);
    servicesNeedTheirAddOns(clusters, report);
    new FluxCheck(tree, report).check(clusters);
    kustomizations(tree, clusters, report);
    return report.sorted();
  }

  /** Whether any of {@code diagnostics} is an error. */
  public static boolean hasErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /**
   * Each cluster.yaml is compiled on its own (a cell's documents are applied inside that cell, so two
   * cells never share a compilation) together with the CloudProviders of every cluster.yaml, so a
   * providerRef may name a provider declared at the root. Names must be unique across the tree.
   */
  private void documents(RepoTree tree, ClusterTree clusters, Report report) {
    Map<String, ReadResult> reads = new LinkedHashMap<>();
    for (ClusterTree.Entry e : clusters.all()) {
      String path = Layout.join(e.dir(), Layout.CLUSTER);
      tree.get(path).ifPresent(t -> reads.put(path, new LatticeReader().readString(path, t)));
      if (!e.children().isEmpty() && e.cluster().isPresent() && !e.isCell()) {
        report.error(Codes.REPO_REFERENCE, path, null, "cluster " + e.name() + " has children ("
            + String.join(", ", e.children()) + ") but is not a cell: it has no spec.parentConfig",
            "add spec.parentConfig to " + path + " or move the children");
      }
    }
    Map<String, String> clusterAt = new LinkedHashMap<>();
    for (ClusterTree.Entry e : clusters.all()) {
      e.cluster().ifPresent(c -> {
        String path = Layout.join(e.dir(), Layout.CLUSTER);
        String first = clusterAt.putIfAbsent(c.metadata().name(), path);
        if (first != null) {
          report.error(Codes.DUPLICATE_OBJECT, path, null, "cluster " + c.metadata().name() + " is also defined in " + first,
              "cluster names are unique across the repository");
        }
      });
    }
    Set<Diagnostic> seen = new LinkedHashSet<>();
    for (Map.Entry<String, ReadResult> file : reads.entrySet()) {
      List<SourcedObject> objects = new ArrayList<>(file.getValue().objects());
      reads.forEach((path, read) -> {
        if (!path.equals(file.getKey())) {
          read.objects().stream().filter(o -> o.object() instanceof CloudProvider).forEach(objects::add);
        }
      });
      seen.addAll(compiler.compile(new Sources(objects, file.getValue().diagnostics())).diagnostics());
    }
    seen.forEach(report::add);
  }

  /**
   * A cluster with {@code services: false} gets no Istio ambient mesh, External Secrets, Flagger or
   * Tetragon (the add-on matrix, docs/CLUSTERS.md): a service placed on it would get policies that
   * only open HBONE, which nothing there speaks, and ExternalSecrets and Canaries no controller acts on.
   */
  private static void servicesNeedTheirAddOns(ClusterTree clusters, Report report) {
    for (ClusterTree.Entry e : clusters.all()) {
      boolean services = e.cluster().flatMap(c -> c.spec().services()).orElse(true);
      if (services) {
        continue;
      }
      for (String svc : e.placements()) {
        report.error(Codes.SERVICES_DISABLED, Layout.placement(e.dir(), svc), null, "service " + svc + " is placed on cluster "
            + e.name() + ", which has services: false: it installs no Istio ambient mesh, External Secrets, Flagger or"
            + " Tetragon, so the service's policies would open only HBONE and its secrets and canaries would not sync",
            "set services: true in " + Layout.join(e.dir(), Layout.CLUSTER) + ", or place " + svc + " on another cluster");
      }
    }
  }

  private static void kustomizations(RepoTree tree, ClusterTree clusters, Report report) {
    Set<String> unlisted = new TreeSet<>();
    clusters.all().stream().filter(e -> !e.listed()).forEach(e -> unlisted.add(Layout.join(e.dir(), Layout.KUSTOMIZATION)));
    for (Kustomizations.Expected x : Kustomizations.expected(tree)) {
      if (!tree.exists(x.path()) && unlisted.contains(x.path())) {
        continue; // LayoutCheck warns about the unlisted folder
      }
      if (!tree.exists(x.path())) {
        report.error(Codes.REPO_KUSTOMIZATION, x.path(), null, x.path() + " is missing", "any lattice command that edits the repository writes it");
        continue;
      }
      var lists = Kustomizations.current(tree, x.path());
      if (lists.isEmpty()) {
        report.error(Codes.REPO_KUSTOMIZATION, x.path(), null, x.path() + " is not a kustomization", null);
        continue;
      }
      String dir = x.path().contains("/") ? x.path().substring(0, x.path().lastIndexOf('/')) : "";
      list(tree, report, x.path(), dir, "resources", lists.get().resources(), x.resources());
      list(tree, report, x.path(), dir, "patches", lists.get().patches(), x.patches());
    }
  }

  private static void list(RepoTree tree, Report report, String path, String dir, String key, List<String> actual, List<String> expected) {
    for (String entry : actual) {
      if (!entry.equals(Kustomizations.FLUX_SYSTEM) && !tree.exists(normalize(Layout.join(dir, entry)))) {
        report.error(Codes.REPO_KUSTOMIZATION, path, null, key + " names " + entry + ", which does not exist", null);
      }
    }
    Set<String> missing = new TreeSet<>(expected);
    actual.forEach(missing::remove);
    Set<String> extra = new TreeSet<>(actual);
    expected.forEach(extra::remove);
    if (!missing.isEmpty()) {
      // kustomize applies only what is listed: an unlisted file is inert, as a command interrupted between
      // writing a file and listing it leaves it (TreeWriter writes files before the lists that name them)
      report.warning(Codes.REPO_KUSTOMIZATION, path, null, key + " leaves out " + String.join(", ", missing)
          + ", so nothing applies them (a command interrupted?)", "run the command again, or remove what is not wanted");
    }
    if (!extra.isEmpty()) {
      report.error(Codes.REPO_KUSTOMIZATION, path, null, key + " lists " + String.join(", ", extra) + ", which Lattice does not apply here", null);
    }
    if (!actual.stream().sorted().toList().equals(actual)) {
      report.error(Codes.REPO_KUSTOMIZATION, path, null, key + " is not sorted", null);
    }
  }

  /** {@code a/b/../c} as {@code a/c}. */
  static String normalize(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.equals("..")) {
        parts.pollLast();
      } else if (!p.isEmpty() && !p.equals(".")) {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
