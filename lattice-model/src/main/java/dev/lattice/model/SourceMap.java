package dev.lattice.model;

import dev.lattice.model.diagnostics.SourcePosition;
import java.util.Objects;

/**
 * Where each value of one document was written, by JSON path ({@code spec.workload.containers.main
 * .image}, {@code spec.ports[0].port}, {@code metadata.labels["app.kubernetes.io/name"]}). Lookups
 * fall back to the nearest enclosing value, then to the start of the document, so every diagnostic
 * has a position. Values built in code have {@link #none()}.
 *
 * <p>Positions are looked up when a diagnostic asks for one, in the document the reader parsed (a
 * {@link Tree}); reading records nothing per value, so a document that has no finding costs nothing
 * here.
 */
public final class SourceMap {
  private static final SourceMap NONE = new SourceMap(SourcePosition.UNKNOWN, null);

  private final SourcePosition document;
  private final Tree tree;

  private SourceMap(SourcePosition document, Tree tree) {
    this.document = document;
    this.tree = tree;
  }

  /**
   * A parsed document that answers position lookups by walking its {@link PathSyntax#steps steps}.
   * Implementations are values: equal when every position in them is equal.
   */
  public interface Tree {
    /** The position of the value at {@code path}, or of the deepest ancestor that exists. */
    SourcePosition value(String path);

    /** The position of the key that introduces {@code path}, or null when no such key was written. */
    SourcePosition key(String path);
  }

  /** The positions of a document that starts at {@code document} and was parsed into {@code tree}. */
  public static SourceMap of(SourcePosition document, Tree tree) {
    return new SourceMap(document, Objects.requireNonNull(tree, "tree"));
  }

  /**
   * Equal when every recorded position is equal: the same text read twice gives equal maps, so an
   * object that was only re-read compares equal to its earlier reading (the incremental compiler
   * relies on it).
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof SourceMap m && document.equals(m.document) && Objects.equals(tree, m.tree);
  }

  @Override
  public int hashCode() {
    return document.hashCode();
  }

  /** The map of a value that was not read from text. */
  public static SourceMap none() {
    return NONE;
  }

  /** Where the document starts. */
  public SourcePosition document() {
    return document;
  }

  /** The position of the value at {@code path}, or of its nearest ancestor. */
  public SourcePosition valueAt(String path) {
    SourcePosition at = tree == null || path.isEmpty() ? null : tree.value(path);
    return at != null ? at : document;
  }

  /** The position of the key that introduces {@code path} (falls back to the value's position). */
  public SourcePosition keyAt(String path) {
    SourcePosition k = tree == null || path.isEmpty() ? null : tree.key(path);
    return k != null ? k : valueAt(path);
  }
}
