package dev.lattice.model.diagnostics;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in the input, as data: a stable code ({@code LAT1xxx} input, {@code LAT2xxx}
 * graph and agreements, {@code LAT3xxx} authorization, {@code LAT4xxx} cluster), a severity, a
 * message, an optional hint, where it was found and the JSON path of the value inside its document
 * (empty when the problem concerns a whole file).
 */
public record Diagnostic(
    String code,
    Severity severity,
    String message,
    Optional<String> hint,
    SourcePosition position,
    String path) {

  /** Orders diagnostics by file, line, column, then code and message: the order they are printed. */
  public static final Comparator<Diagnostic> ORDER = (a, b) -> {
    // position, code, path, message: written out (a fleet's compile sorts tens of thousands), and
    // strings shared by reference (one file's name, a code constant) are not walked to their end
    int c = a.position.compareTo(b.position);
    if (c == 0) {
      c = compare(a.code, b.code);
    }
    if (c == 0) {
      c = compare(a.path, b.path);
    }
    return c != 0 ? c : compare(a.message, b.message);
  };

  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? Optional.empty() : hint;
    position = position == null ? SourcePosition.UNKNOWN : position;
    path = path == null ? "" : path;
  }

  public static Diagnostic error(String code, String message, String hint, SourcePosition at, String path) {
    return new Diagnostic(code, Severity.ERROR, message, Optional.ofNullable(hint), at, path);
  }

  public static Diagnostic warning(String code, String message, String hint, SourcePosition at, String path) {
    return new Diagnostic(code, Severity.WARNING, message, Optional.ofNullable(hint), at, path);
  }

  public static Diagnostic info(String code, String message, SourcePosition at, String path) {
    return new Diagnostic(code, Severity.INFO, message, Optional.empty(), at, path);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code file:line:column: severity CODE: message} followed, when present, by {@code hint: ...}:
   * always one or two lines, since file names, messages, paths and hints are {@linkplain
   * Escapes#text escaped} (a file named with a newline or a value with a terminal escape cannot
   * forge a line or colour the terminal).
   */
  public String render() {
    String head = Escapes.text(position.file()) + ":" + position.line() + ":" + position.column() + ": " + severity.word()
        + " " + code + ": " + Escapes.text(message) + (path.isEmpty() ? "" : " (at " + Escapes.text(path) + ")");
    return hint.map(h -> head + "\n  hint: " + Escapes.text(h)).orElse(head);
  }
}
