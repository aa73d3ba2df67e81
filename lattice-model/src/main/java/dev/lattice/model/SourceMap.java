package dev.lattice.model;

import dev.lattice.model.diagnostics.SourcePosition;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of one document was written, by JSON path ({@code spec.workload.containers.main
 * .image}, {@code spec.ports[0].port}, {@code metadata.labels["app.kubernetes.io/name"]}). Lookups
 * fall back to the nearest enclosing value, then to the start of the document, so every diagnostic
 * has a position. Values built in code have {@link #none()}.
 */
public final class SourceMap {
  private static final SourceMap NONE = new SourceMap(SourcePosition.UNKNOWN, Map.of(), Map.of());

  private final SourcePosition document;
  private final Map<String, SourcePosition> values;
  private final Map<String, SourcePosition> keys;

  private SourceMap(SourcePosition document, Map<String, SourcePosition> values, Map<String, SourcePosition> keys) {
    this.document = document;
    this.values = values;
    this.keys = keys;
  }

  /**
   * Equal when every recorded position is equal: the same text read twice gives equal maps, so an
   * object that was only re-read compares equal to its earlier reading (the incremental compiler
   * relies on it).
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof SourceMap m && document.equals(m.document) && values.equals(m.values) && keys.equals(m.keys);
  }

  @Override
  public int hashCode() {
    return document.hashCode() * 31 + values.size();
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
    return lookup(values, path);
  }

  /** The position of the key that introduces {@code path} (falls back to the value's position). */
  public SourcePosition keyAt(String path) {
    SourcePosition k = keys.get(path);
    return k != null ? k : valueAt(path);
  }

  private SourcePosition lookup(Map<String, SourcePosition> m, String path) {
    String p = path;
    while (!p.isEmpty()) {
      SourcePosition at = m.get(p);
      if (at != null) {
        return at;
      }
      p = parent(p);
    }
    return document;
  }

  static String parent(String path) {
    int bracket = path.endsWith("]") ? path.lastIndexOf('[') : -1;
    int dot = path.lastIndexOf('.');
    int cut = Math.max(bracket, dot);
    // a dot inside ["..."] belongs to the key
    if (bracket >= 0 && dot > bracket) {
      cut = bracket;
    }
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  /** Collects positions while a document is read. */
  public static final class Builder {
    private final SourcePosition document;
    private final Map<String, SourcePosition> values = new HashMap<>();
    private final Map<String, SourcePosition> keys = new HashMap<>();

    public Builder(SourcePosition document) {
      this.document = document;
    }

    public void put(String path, SourcePosition at) {
      values.putIfAbsent(path, at);
    }

    public void putKey(String path, SourcePosition at) {
      keys.putIfAbsent(path, at);
    }

    public SourceMap build() {
      return new SourceMap(document, Map.copyOf(values), Map.copyOf(keys));
    }
  }
}
