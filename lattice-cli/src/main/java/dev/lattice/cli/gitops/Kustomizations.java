package dev.lattice.cli.gitops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Keeps every {@code kustomization.yaml} in step with the tree: each lists, sorted, exactly the
 * files its folder applies, and nothing that does not exist.
 *
 * <ul>
 *   <li>a cluster folder: its own {@code cluster.yaml} (the root only: the management cluster
 *       manages itself), each child's {@code cluster.yaml} and {@code flux.yaml}, and the
 *       registration of each service placed here; {@code patches}: its placements;
 *   <li>{@code registrations/}: every registration (the catalogue; {@code kubectl kustomize
 *       registrations} shows them all).
 * </ul>
 * The root may also list {@code flux-system} (what {@code flux bootstrap --path=.} writes); that
 * entry is kept. Only the lists change; comments and other keys stay.
 */
final class Kustomizations {
  /** The entry {@code flux bootstrap} adds at the root, which Lattice leaves alone. */
  static final String FLUX_SYSTEM = "flux-system";

  /** Expected content of one kustomization.yaml. */
  record Expected(String path, List<String> resources, List<String> patches) {}

  private Kustomizations() {}

  /** Every kustomization.yaml the tree should have, with its lists. */
  static List<Expected> expected(RepoTree tree) {
    List<Expected> out = new ArrayList<>();
    for (ClusterTree.Entry e : ClusterTree.of(tree).all()) {
      TreeSet<String> resources = new TreeSet<>();
      if (e.isRoot()) {
        resources.add(Layout.CLUSTER);
        if (current(tree, Layout.KUSTOMIZATION).map(c -> c.resources().contains(FLUX_SYSTEM)).orElse(false)) {
          resources.add(FLUX_SYSTEM);
        }
      }
      for (String child : e.children()) {
        resources.add(Layout.CHILDREN + "/" + child + "/" + Layout.CLUSTER);
        resources.add(Layout.CHILDREN + "/" + child + "/" + Layout.FLUX);
      }
      List<String> patches = new ArrayList<>();
      for (String svc : e.placements()) {
        resources.add(Layout.relative(e.dir(), Layout.registration(svc)));
        patches.add(Layout.PLACEMENTS + "/" + svc + ".yaml");
      }
      out.add(new Expected(Layout.join(e.dir(), Layout.KUSTOMIZATION), List.copyOf(resources), patches));
    }
    List<String> registrations = services(tree).stream().map(s -> s + ".yaml").toList();
    out.add(new Expected(Layout.REGISTRATIONS + "/" + Layout.KUSTOMIZATION, registrations, List.of()));
    return out;
  }

  /** The registered services: {@code registrations/*.yaml} but the kustomization. */
  static List<String> services(RepoTree tree) {
    return tree.entries(Layout.REGISTRATIONS).stream()
        .filter(n -> n.endsWith(".yaml") && !n.equals(Layout.KUSTOMIZATION))
        .map(n -> n.substring(0, n.length() - 5)).toList();
  }

  /** The tree with every kustomization.yaml brought in step (created where missing). */
  static RepoTree sync(RepoTree tree) throws Refusal {
    RepoTree out = tree;
    for (Expected x : expected(tree)) {
      Optional<String> text = tree.get(x.path());
      if (text.isEmpty()) {
        out = out.with(x.path(), FluxDocs.kustomization(x.resources(), x.patches()));
        continue;
      }
      YamlFile f = YamlFile.parse(x.path(), text.get());
      MappingNode root = f.root(0);
      Lists now = lists(root);
      if (!now.resources().equals(x.resources())) {
        f.put(root, "resources", YamlFile.strings(x.resources()));
      }
      if (!now.patches().equals(x.patches())) {
        if (x.patches().isEmpty()) {
          f.remove(root, "patches");
        } else {
          f.put(root, "patches", patchList(x.patches()));
        }
      }
      out = out.with(x.path(), f.render());
    }
    return out;
  }

  /** The lists of a kustomization.yaml as written. */
  record Lists(List<String> resources, List<String> patches) {}

  static Optional<Lists> current(RepoTree tree, String path) {
    try {
      return Optional.of(lists(YamlFile.parse(path, tree.get(path).orElse("")).root(0)));
    } catch (Refusal e) {
      return Optional.empty();
    }
  }

  static Lists lists(Node root) {
    List<String> resources = new ArrayList<>();
    YamlFile.find(root, "resources").filter(n -> n instanceof SequenceNode).ifPresent(n ->
        ((SequenceNode) n).getValue().forEach(i -> resources.add(i instanceof ScalarNode s ? s.getValue() : "?")));
    List<String> patches = new ArrayList<>();
    YamlFile.find(root, "patches").filter(n -> n instanceof SequenceNode).ifPresent(n ->
        ((SequenceNode) n).getValue().forEach(i -> patches.add(YamlFile.text(i, "path").orElse("?"))));
    return new Lists(resources, patches);
  }

  private static SequenceNode patchList(List<String> paths) {
    List<Node> items = new ArrayList<>();
    for (String p : paths) {
      MappingNode m = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
      m.getValue().add(new NodeTuple(YamlFile.scalar(Tag.STR, "path", DumperOptions.ScalarStyle.PLAIN),
          YamlFile.scalar(Tag.STR, p, DumperOptions.ScalarStyle.PLAIN)));
      items.add(m);
    }
    return new SequenceNode(Tag.SEQ, items, DumperOptions.FlowStyle.BLOCK);
  }
}
