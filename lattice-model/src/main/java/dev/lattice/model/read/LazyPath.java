package dev.lattice.model.read;

import dev.lattice.model.PathSyntax;

/**
 * A value's path in its document, spelled ({@link PathSyntax}) only when a diagnostic asks: reading
 * passes one of these down the tree instead of concatenating a string per key and item.
 */
final class LazyPath {
  static final LazyPath ROOT = new LazyPath(null, "", -1);

  private final LazyPath parent;
  private final String key;
  private final int index;
  private String spelled;

  private LazyPath(LazyPath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
    this.spelled = parent == null ? "" : null;
  }

  /** The path of {@code key} inside this one. */
  LazyPath child(String key) {
    return new LazyPath(this, key, -1);
  }

  /** The path of item {@code index} of the list at this path. */
  LazyPath item(int index) {
    return new LazyPath(this, null, index);
  }

  boolean isRoot() {
    return parent == null;
  }

  /** The path as diagnostics spell it: {@code PathSyntax.child} and {@code PathSyntax.item} applied step by step. */
  @Override
  public String toString() {
    if (spelled == null) {
      String p = parent.toString();
      spelled = key != null ? PathSyntax.child(p, key) : PathSyntax.item(p, index);
    }
    return spelled;
  }
}
