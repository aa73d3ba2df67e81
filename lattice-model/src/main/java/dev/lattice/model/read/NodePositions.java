package dev.lattice.model.read;

import dev.lattice.model.PathSyntax;
import dev.lattice.model.SourceMap;
import dev.lattice.model.diagnostics.SourcePosition;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The positions of one document, answered from the tree the binder read (after the form
 * normalisers): a path's steps are followed from the document's root; a record field written in
 * snake_case ({@code target_port}) is found under its camelCase name, as the binder found it.
 *
 * <p>What is kept is that tree's shape and positions only, packed ({@link Branch}: per mapping its
 * keys and the positions of each key and value, per list the positions of its items; a scalar is
 * a position in its parent), not the tree itself: every read document keeps this until its
 * compilation ends, and the tree with its texts, maps and position objects was several times the
 * size of the bound model. Equal when every key and position is equal.
 */
final class NodePositions implements SourceMap.Tree {
  private final String file;
  private final boolean snakeCase;
  private final long rootAt;
  private final Branch root;

  private NodePositions(String file, boolean snakeCase, long rootAt, Branch root) {
    this.file = file;
    this.snakeCase = snakeCase;
    this.rootAt = rootAt;
    this.root = root;
  }

  /** The positions of {@code root}; a tree with positions in another file than its root's is kept as it is. */
  static SourceMap.Tree of(Node.MapNode root, boolean snakeCase) {
    String file = root.position().file();
    Branch packed = Branch.of(root, file);
    return packed == null ? new Unpacked(root, snakeCase) : new NodePositions(file, snakeCase, pack(root.position()), packed);
  }

  @Override
  public SourcePosition value(String path) {
    Branch at = root;
    long pos = rootAt;
    for (Object step : PathSyntax.steps(path)) {
      int i = at == null ? -1 : at.index(step, snakeCase);
      if (i < 0) {
        break;
      }
      pos = at.valueAt[i];
      at = at.children[i];
    }
    return position(pos);
  }

  @Override
  public SourcePosition key(String path) {
    List<Object> steps = PathSyntax.steps(path);
    Branch at = root;
    for (int s = 0; s < steps.size() - 1 && at != null; s++) {
      int i = at.index(steps.get(s), snakeCase);
      at = i < 0 ? null : at.children[i];
    }
    Object last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    if (at != null && at.keys != null && last instanceof String) {
      int i = at.index(last, snakeCase);
      return i < 0 ? null : position(at.keyAt[i]);
    }
    return null;
  }

  private SourcePosition position(long packed) {
    return SourcePosition.of(file, (int) (packed >> 32), (int) packed);
  }

  private static long pack(SourcePosition p) {
    return ((long) p.line() << 32) | (p.column() & 0xffffffffL);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof NodePositions n && rootAt == n.rootAt && snakeCase == n.snakeCase
        && file.equals(n.file) && root.equals(n.root);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, rootAt);
  }

  /**
   * One mapping (with {@link #keys}) or list (without): per entry the position of its key and of
   * its value, and the branch of a value that is a mapping or list ({@code null} for a scalar).
   */
  private static final class Branch {
    private static final int INDEXED = 16;
    final String[] keys;
    final long[] keyAt;
    final long[] valueAt;
    final Branch[] children;
    private Map<String, Integer> byKey;

    private Branch(String[] keys, long[] keyAt, long[] valueAt, Branch[] children) {
      this.keys = keys;
      this.keyAt = keyAt;
      this.valueAt = valueAt;
      this.children = children;
    }

    /** The packed form of a mapping or list, or null when a position in it is in another file than {@code file}. */
    static Branch of(Node node, String file) {
      if (node instanceof Node.MapNode map) {
        int n = map.entries().size();
        String[] keys = new String[n];
        long[] keyAt = new long[n];
        long[] valueAt = new long[n];
        Branch[] children = new Branch[n];
        int i = 0;
        for (Node.Entry e : map.entries().values()) {
          if (!sameFile(e.keyPosition(), file) || !sameFile(e.value().position(), file)) {
            return null;
          }
          keys[i] = e.key();
          keyAt[i] = pack(e.keyPosition());
          valueAt[i] = pack(e.value().position());
          if (!(e.value() instanceof Node.ScalarNode) && (children[i] = of(e.value(), file)) == null) {
            return null;
          }
          i++;
        }
        return new Branch(keys, keyAt, valueAt, children);
      }
      List<Node> items = ((Node.ListNode) node).items();
      long[] valueAt = new long[items.size()];
      Branch[] children = new Branch[items.size()];
      for (int i = 0; i < valueAt.length; i++) {
        Node item = items.get(i);
        if (!sameFile(item.position(), file)) {
          return null;
        }
        valueAt[i] = pack(item.position());
        if (!(item instanceof Node.ScalarNode) && (children[i] = of(item, file)) == null) {
          return null;
        }
      }
      return new Branch(null, null, valueAt, children);
    }

    private static boolean sameFile(SourcePosition p, String file) {
      return p != null && p.file().equals(file);
    }

    /** The entry a step names here, or -1: a key of a mapping (camelCase finding snake_case when asked), an index of a list. */
    int index(Object step, boolean snakeCase) {
      if (keys != null && step instanceof String key) {
        int i = exact(key);
        if (i >= 0 || !snakeCase) {
          return i;
        }
        for (int c = 0; c < keys.length; c++) {
          if (keys[c].indexOf('_') >= 0 && Paths.snakeToCamel(keys[c]).equals(key)) {
            return c;
          }
        }
        return -1;
      }
      if (keys == null && step instanceof Integer index) {
        return index >= 0 && index < valueAt.length ? index : -1;
      }
      return -1;
    }

    private int exact(String key) {
      if (keys.length <= INDEXED) {
        for (int i = 0; i < keys.length; i++) {
          if (keys[i].equals(key)) {
            return i;
          }
        }
        return -1;
      }
      Map<String, Integer> index = byKey;
      if (index == null) {
        index = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
          index.putIfAbsent(keys[i], i);
        }
        index = Map.copyOf(index); // immutable (final fields): safe to publish without a lock
        byKey = index; // racy but idempotent: every thread builds the same index
      }
      return index.getOrDefault(key, -1);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Branch b && Arrays.equals(keys, b.keys) && Arrays.equals(keyAt, b.keyAt)
          && Arrays.equals(valueAt, b.valueAt) && Arrays.equals(children, b.children);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(valueAt);
    }
  }

  /** The tree itself, for the rare document whose tree holds positions of more than one file. */
  private record Unpacked(Node.MapNode root, boolean snakeCase) implements SourceMap.Tree {
    @Override
    public SourcePosition value(String path) {
      Node at = root;
      for (Object step : PathSyntax.steps(path)) {
        Node next = child(at, step);
        if (next == null) {
          break;
        }
        at = next;
      }
      return at.position();
    }

    @Override
    public SourcePosition key(String path) {
      var steps = PathSyntax.steps(path);
      Node at = root;
      for (int i = 0; i < steps.size() - 1 && at != null; i++) {
        at = child(at, steps.get(i));
      }
      Object last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
      if (at instanceof Node.MapNode map && last instanceof String key) {
        Node.Entry e = entry(map, key);
        return e == null ? null : e.keyPosition();
      }
      return null;
    }

    private Node child(Node at, Object step) {
      if (at instanceof Node.MapNode map && step instanceof String key) {
        Node.Entry e = entry(map, key);
        return e == null ? null : e.value();
      }
      if (at instanceof Node.ListNode list && step instanceof Integer index) {
        return index >= 0 && index < list.items().size() ? list.items().get(index) : null;
      }
      return null;
    }

    private Node.Entry entry(Node.MapNode map, String key) {
      Node.Entry e = map.entries().get(key);
      if (e != null || !snakeCase) {
        return e;
      }
      for (Node.Entry candidate : map.entries().values()) {
        if (candidate.key().indexOf('_') >= 0 && Paths.snakeToCamel(candidate.key()).equals(key)) {
          return candidate;
        }
      }
      return null;
    }
  }
}
