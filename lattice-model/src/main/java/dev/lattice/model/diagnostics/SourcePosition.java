package dev.lattice.model.diagnostics;

import java.util.Objects;

/**
 * Where a value was read: a file (or a label such as {@code <stdin>}), a 1-based line and a 1-based
 * column. {@link #UNKNOWN} stands for values that came from code rather than text.
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

  /** A position for values built in code. */
  public static final SourcePosition UNKNOWN = new SourcePosition("<model>", 0, 0);

  public SourcePosition {
    Objects.requireNonNull(file, "file");
  }

  public static SourcePosition of(String file, int line, int column) {
    return new SourcePosition(file, line, column);
  }

  /** The start of a file, for problems that concern the whole file. */
  public static SourcePosition startOf(String file) {
    return new SourcePosition(file, 1, 1);
  }

  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public int compareTo(SourcePosition o) {
    int c = file == o.file ? 0 : file.compareTo(o.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
