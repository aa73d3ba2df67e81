package dev.lattice.model.diagnostics;

/** How serious a {@link Diagnostic} is. Only {@link #ERROR} fails a run. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case word used on the command line: {@code error}, {@code warning}, {@code info}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
