package dev.lattice.cli.gitops;

import dev.lattice.model.diagnostics.Codes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The Flux part of {@link RepoValidator}: each child's {@code flux.yaml}, each registration and each
 * placement patch holds what Lattice writes there (kinds, names, namespaces, required fields), and
 * placements name registered services. Full schema conformance of these documents is checked by
 * the tests with {@code validate-k8s}; this checks what the commands rely on.
 */
final class FluxCheck {
  static final Pattern URL = Pattern.compile("(http|https|ssh)://\\S+");
  static final Pattern VARIABLE = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
  private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,4}");

  private final RepoTree tree;
  private final Report report;

  FluxCheck(RepoTree tree, Report report) {
    this.tree = tree;
    this.report = report;
  }

  void check(ClusterTree clusters) {
    List<String> services = Kustomizations.services(tree);
    services.forEach(this::registration);
    for (ClusterTree.Entry e : clusters.all()) {
      if (!e.isRoot() && tree.exists(Layout.join(e.dir(), Layout.FLUX))) { // a missing one: LayoutCheck reports it
        sync(e);
      }
      for (String svc : e.placements()) {
        String path = Layout.placement(e.dir(), svc);
        placement(path, svc);
        if (!services.contains(svc)) {
          report.error(Codes.REPO_REFERENCE, path, null, "placement of '" + svc + "' on cluster " + e.name()
              + ", but no service '" + svc + "' is registered", "register it with `lattice service register " + svc + " ...`");
        }
      }
    }
  }

  private Optional<List<Node>> documents(String path, int count) {
    try {
      List<Node> docs = YamlFile.parse(path, tree.get(path).orElse("")).documents();
      if (docs.size() != count || !docs.stream().allMatch(d -> d instanceof MappingNode)) {
        report.error(Codes.REPO_LAYOUT, path, null, path + " must hold " + count + " document" + (count == 1 ? "" : "s"), null);
        return Optional.empty();
      }
      return Optional.of(docs);
    } catch (Refusal r) {
      report.error(Codes.SYNTAX, path, null, r.getMessage(), null);
      return Optional.empty();
    }
  }

  private void sync(ClusterTree.Entry e) {
    String path = Layout.join(e.dir(), Layout.FLUX);
    documents(path, 1).ifPresent(docs -> {
      Node d = docs.get(0);
      identity(path, d, FluxDocs.KUSTOMIZE_API, "Kustomization", e.name(), "capi-" + e.name());
      expect(path, d, Layout.fluxPath(e.dir()), "spec", "path");
      expect(path, d, e.name() + "-kubeconfig", "spec", "kubeConfig", "secretRef", "name");
      expect(path, d, "GitRepository", "spec", "sourceRef", "kind");
      required(path, d, "spec", "interval");
      required(path, d, "spec", "prune");
      YamlFile.find(d, "spec", "suspend").ifPresent(n -> {
        if (!Set.of("true", "false").contains(((ScalarNode) n).getValue())) {
          report.error(Codes.REPO_DOCUMENT, path, n, "spec.suspend must be true or false", null);
        }
      });
    });
  }

  private void registration(String svc) {
    String path = Layout.registration(svc);
    documents(path, 2).ifPresent(docs -> {
      identity(path, docs.get(0), FluxDocs.SOURCE_API, "GitRepository", svc, FluxDocs.FLUX_NAMESPACE);
      identity(path, docs.get(1), FluxDocs.KUSTOMIZE_API, "Kustomization", svc, FluxDocs.FLUX_NAMESPACE);
      String url = YamlFile.text(docs.get(0), "spec", "url").orElse("");
      if (!URL.matcher(url).matches()) {
        report.error(Codes.REPO_DOCUMENT, path, YamlFile.find(docs.get(0), "spec", "url").orElse(docs.get(0)),
            "spec.url '" + url + "' is not an http(s):// or ssh:// URL", null);
      }
      required(path, docs.get(0), "spec", "ref", "branch");
      required(path, docs.get(1), "spec", "interval");
      expect(path, docs.get(1), svc, "spec", "sourceRef", "name");
      count(path, docs.get(1));
    });
  }

  private void placement(String path, String svc) {
    documents(path, 1).ifPresent(docs -> {
      Node d = docs.get(0);
      identity(path, d, FluxDocs.KUSTOMIZE_API, "Kustomization", svc, FluxDocs.FLUX_NAMESPACE);
      count(path, d);
      YamlFile.find(d, "spec", "postBuild", "substitute").filter(n -> n instanceof MappingNode).ifPresent(n -> {
        for (NodeTuple t : ((MappingNode) n).getValue()) {
          String key = ((ScalarNode) t.getKeyNode()).getValue();
          if (!VARIABLE.matcher(key).matches()) {
            report.error(Codes.REPO_DOCUMENT, path, t.getKeyNode(), "'" + key + "' is not a variable name Flux substitutes", null);
          }
        }
      });
    });
  }

  private void count(String path, Node d) {
    String[] at = {"spec", "postBuild", "substitute", FluxDocs.REPLICAS_VAR};
    String value = YamlFile.text(d, at).orElse("");
    if (!COUNT.matcher(value).matches()) {
      report.error(Codes.REPO_DOCUMENT, path, YamlFile.find(d, at).orElse(d), "spec.postBuild.substitute."
          + FluxDocs.REPLICAS_VAR + " must be a replica count, not '" + value + "'", null);
    }
  }

  private void identity(String path, Node d, String apiVersion, String kind, String name, String namespace) {
    expect(path, d, apiVersion, "apiVersion");
    expect(path, d, kind, "kind");
    expect(path, d, name, "metadata", "name");
    expect(path, d, namespace, "metadata", "namespace");
  }

  private void expect(String path, Node d, String value, String... at) {
    Optional<String> actual = YamlFile.text(d, at);
    if (!actual.equals(Optional.of(value))) {
      report.error(Codes.REPO_DOCUMENT, path, YamlFile.find(d, at).orElse(d), String.join(".", at) + " must be '" + value
          + "'" + actual.map(a -> ", not '" + a + "'").orElse(" (it is missing)"), null);
    }
  }

  private void required(String path, Node d, String... at) {
    if (YamlFile.text(d, at).isEmpty()) {
      report.error(Codes.REPO_DOCUMENT, path, d, String.join(".", at) + " is missing", null);
    }
  }
}
