package dev.lattice.cli.gitops;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML file (one or more documents) held as SnakeYAML's node graph with comments, edited in
 * place so that everything an edit does not touch keeps its comments, key order and quoting.
 *
 * <p>Two ways to write it back: when only existing scalars changed, {@link #render()} splices the
 * new values into the original text at their positions, so the rest of the file stays byte for
 * byte; after a structural edit (a key added, a list replaced) the node graph is serialized, which
 * keeps comments, order, flow/block style and quoting, but re-indents to two spaces and moves a
 * comment that sits before a list item onto the item's first line (SnakeYAML's limits).
 */
final class YamlFile {
  private static final Resolver RESOLVER = new Resolver();

  private final String original;
  private final List<Node> documents;
  private final List<int[]> splices = new ArrayList<>();
  private final List<String> spliceTexts = new ArrayList<>();
  private boolean structural;

  private YamlFile(String original, List<Node> documents) {
    this.original = original;
    this.documents = documents;
  }

  /** Parses {@code text}; {@code name} is used in the refusal when it is not YAML. */
  static YamlFile parse(String name, String text) throws Refusal {
    try {
      List<Node> docs = new ArrayList<>();
      for (Node n : yaml().composeAll(new StringReader(text))) {
        docs.add(n);
      }
      return new YamlFile(text, docs);
    } catch (YAMLException e) {
      throw new Refusal(name + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static Yaml yaml() {
    LoaderOptions load = new LoaderOptions();
    load.setProcessComments(true);
    DumperOptions dump = new DumperOptions();
    dump.setProcessComments(true);
    dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dump.setIndent(2);
    dump.setIndicatorIndent(2);
    dump.setIndentWithIndicator(true);
    dump.setWidth(4096);
    dump.setSplitLines(false);
    dump.setLineBreak(DumperOptions.LineBreak.UNIX);
    return new Yaml(load, dump);
  }

  /** {@code text} as this class writes it after a structural edit (a fixed point of parse and render). */
  static String canonical(String name, String text) throws Refusal {
    YamlFile f = parse(name, text);
    f.structural = true;
    return f.render();
  }

  List<Node> documents() {
    return documents;
  }

  /** The mapping at the top of document {@code index}. */
  MappingNode root(int index) throws Refusal {
    if (index >= documents.size() || !(documents.get(index) instanceof MappingNode m)) {
      throw new Refusal("expected a mapping as document " + (index + 1));
    }
    return m;
  }

  /** The node at a path of mapping keys under {@code from}. */
  static Optional<Node> find(Node from, String... path) {
    Node at = from;
    for (String key : path) {
      Optional<NodeTuple> t = tuple(at, key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      at = t.get().getValueNode();
    }
    return Optional.of(at);
  }

  /** The text of the scalar at a path, if there is one. */
  static Optional<String> text(Node from, String... path) {
    return find(from, path).filter(n -> n instanceof ScalarNode).map(n -> ((ScalarNode) n).getValue());
  }

  private static Optional<NodeTuple> tuple(Node mapping, String key) {
    if (!(mapping instanceof MappingNode m)) {
      return Optional.empty();
    }
    return m.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
        .findFirst();
  }

  /**
   * Sets the scalar at {@code path} (creating missing mappings on the way) to {@code value} with
   * {@code tag} ({@link Tag#STR}, {@link Tag#INT}, {@link Tag#BOOL}). An existing scalar keeps its
   * quoting style and comments; returns whether anything changed.
   */
  boolean set(MappingNode root, Tag tag, String value, String... path) {
    MappingNode parent = root;
    for (int i = 0; i < path.length - 1; i++) {
      Optional<NodeTuple> t = tuple(parent, path[i]);
      if (t.isPresent() && t.get().getValueNode() instanceof MappingNode m) {
        parent = m;
      } else {
        MappingNode created = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        put(parent, path[i], created);
        parent = created;
      }
    }
    String key = path[path.length - 1];
    Optional<NodeTuple> existing = tuple(parent, key);
    if (existing.isPresent() && existing.get().getValueNode() instanceof ScalarNode old) {
      if (old.getValue().equals(value) && old.getTag().equals(tag)) {
        return false;
      }
      ScalarNode next = scalar(tag, value, old.getScalarStyle());
      next.setInLineComments(old.getInLineComments());
      next.setBlockComments(old.getBlockComments());
      next.setEndComments(old.getEndComments());
      replace(parent, existing.get(), next);
      if (old.getStartMark() != null && old.getEndMark() != null) {
        splices.add(new int[] {old.getStartMark().getIndex(), old.getEndMark().getIndex()});
        spliceTexts.add(inline(next));
      } else {
        structural = true;
      }
      return true;
    }
    put(parent, key, scalar(tag, value, DumperOptions.ScalarStyle.PLAIN));
    return true;
  }

  /** Replaces (or adds) the value of {@code key} in {@code mapping} with {@code value}, keeping the key's comments. */
  void put(MappingNode mapping, String key, Node value) {
    Optional<NodeTuple> existing = tuple(mapping, key);
    if (existing.isPresent()) {
      replace(mapping, existing.get(), value);
    } else {
      mapping.getValue().add(new NodeTuple(scalar(Tag.STR, key, DumperOptions.ScalarStyle.PLAIN), value));
    }
    structural = true;
  }

  /** Removes {@code key} from {@code mapping}; returns whether it was there. */
  boolean remove(MappingNode mapping, String key) {
    Optional<NodeTuple> existing = tuple(mapping, key);
    existing.ifPresent(t -> {
      mapping.getValue().remove(t);
      structural = true;
    });
    return existing.isPresent();
  }

  private static void replace(MappingNode mapping, NodeTuple old, Node value) {
    if (value.getInLineComments() == null) {
      value.setInLineComments(old.getValueNode().getInLineComments());
    }
    int i = mapping.getValue().indexOf(old);
    mapping.getValue().set(i, new NodeTuple(old.getKeyNode(), value));
  }

  /** A block sequence of string scalars. */
  static SequenceNode strings(List<String> values) {
    List<Node> items = new ArrayList<>();
    values.forEach(v -> items.add(scalar(Tag.STR, v, DumperOptions.ScalarStyle.PLAIN)));
    return new SequenceNode(Tag.SEQ, items, values.isEmpty() ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
  }

  /** A scalar; a plain style is upgraded to double quotes where plain text would read as another type. */
  static ScalarNode scalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
    DumperOptions.ScalarStyle s = style;
    if (s == DumperOptions.ScalarStyle.PLAIN && !RESOLVER.resolve(NodeId.scalar, value, true).equals(tag)) {
      s = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    }
    if (tag.equals(Tag.STR) && (s == DumperOptions.ScalarStyle.PLAIN) && (value.isEmpty() || !value.equals(value.strip())
        || value.contains(": ") || value.contains(" #") || value.startsWith("#") || "-?:,[]{}&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0)) {
      s = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    }
    return new ScalarNode(tag, value, null, null, s);
  }

  private static String inline(ScalarNode n) {
    return switch (n.getScalarStyle()) {
      case PLAIN -> n.getValue();
      case SINGLE_QUOTED -> "'" + n.getValue().replace("'", "''") + "'";
      default -> "\"" + n.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    };
  }

  /** The file's text after the edits. */
  String render() {
    if (structural) {
      return serialize();
    }
    StringBuilder sb = new StringBuilder(original);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < splices.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(splices.get(b)[0], splices.get(a)[0]));
    for (int i : order) {
      int start = original.offsetByCodePoints(0, splices.get(i)[0]);
      int end = original.offsetByCodePoints(0, splices.get(i)[1]);
      sb.replace(start, end, spliceTexts.get(i));
    }
    return sb.toString();
  }

  private String serialize() {
    Yaml yaml = yaml();
    StringWriter w = new StringWriter();
    boolean explicitStart = original.startsWith("---");
    for (int i = 0; i < documents.size(); i++) {
      if (i > 0 || explicitStart) {
        w.write("---\n");
      }
      yaml.serialize(documents.get(i), w);
    }
    return w.toString();
  }
}
