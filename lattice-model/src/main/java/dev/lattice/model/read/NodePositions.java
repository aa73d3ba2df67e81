package dev.lattice.model.read;

import dev.lattice.model.PathSyntax;
import dev.lattice.model.SourceMap;
import dev.lattice.model.diagnostics.SourcePosition;

/**
 * The positions of one document, answered from the tree the binder read (after the form
 * normalisers): a path's steps are followed from the document's root; a record field written in
 * snake_case ({@code target_port}) is found under its camelCase name, as the binder found it.
 */
record NodePositions(Node.MapNode root, boolean snakeCase) implements SourceMap.Tree {
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
