package dev.lattice.model;

import dev.lattice.model.base.Values;
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

  /**
   * The path a diagnostic names for {@code path}: the path itself, except in a map {@link #rebased}
   * onto another part of its document (a job's task read as a service), where it is the path as written.
   */
  public String pathOf(String path) {
    return tree instanceof Rebased r ? r.written(path) : path;
  }

  /**
   * This document's positions seen through {@code rebase}: a lookup of {@code spec.x} is answered at
   * the first of {@code rebase.candidates("spec.x")} that was written, so an object derived from part
   * of a document (a job's task, read as a service) reports positions and paths in the document.
   */
  public SourceMap rebased(PathRebase rebase) {
    return tree == null ? this : new SourceMap(document, new Rebased(tree, rebase));
  }

  /** Maps a path of a derived object to the paths in its document that may hold it, in order of preference. */
  public interface PathRebase {
    java.util.List<String> candidates(String path);
  }

  private record Rebased(Tree tree, PathRebase rebase) implements Tree {
    String written(String path) {
      java.util.List<String> candidates = rebase.candidates(path);
      for (String c : candidates) {
        if (tree.key(c) != null) {
          return c;
        }
      }
      return candidates.get(0);
    }

    @Override
    public SourcePosition value(String path) {
      return tree.value(written(path));
    }

    @Override
    public SourcePosition key(String path) {
      return tree.key(written(path));
    }
  }

  /** The position of the key that introduces {@code path} (falls back to the value's position). */
  public SourcePosition keyAt(String path) {
    SourcePosition k = tree == null || path.isEmpty() ? null : tree.key(path);
    return k != null ? k : valueAt(path);
  }
}
