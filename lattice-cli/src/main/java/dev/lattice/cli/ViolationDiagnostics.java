package dev.lattice.cli;

import dev.lattice.conformance.Violation;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** {@link Violation}s of {@code lattice check} as diagnostics in our format (codes LAT6001–LAT6003). */
final class ViolationDiagnostics {
  static final String INVALID = "LAT6001";
  static final String UNKNOWN_KIND = "LAT6002";
  static final String UNREADABLE = "LAT6003";

  private ViolationDiagnostics() {}

  static List<Diagnostic> of(List<Violation> violations) {
    List<Diagnostic> out = new ArrayList<>();
    violations.forEach(v -> out.add(of(v)));
    return out;
  }

  static Diagnostic of(Violation v) {
    SourcePosition at = SourcePosition.of(v.file(), Math.max(v.line(), 1), Math.max(v.column(), 1));
    String subject = v.apiVersion() + "/" + v.kind() + " " + v.name();
    return switch (v.type()) {
      case INVALID -> Diagnostic.error(INVALID, subject + ": " + v.message(), hint(v), at, v.path());
      case UNKNOWN_KIND -> Diagnostic.error(UNKNOWN_KIND, subject + ": " + v.message(),
          "pass --schemas DIR with its CustomResourceDefinition, or --allow-unknown to skip such documents", at, v.path());
      case SKIPPED -> Diagnostic.warning(UNKNOWN_KIND, subject + ": " + v.message(),
          "pass --schemas DIR with its CustomResourceDefinition to check it", at, v.path());
      case UNREADABLE -> Diagnostic.error(UNREADABLE, "document " + v.document() + ": " + v.message(),
          "check the YAML or JSON near this line", at, v.path());
    };
  }

  private static String hint(Violation v) {
    String m = v.message();
    if (m.startsWith("unknown field")) {
      return "remove the field or correct its spelling: the schema of " + v.apiVersion() + "/" + v.kind()
          + " does not declare it";
    }
    if (m.startsWith("Required value")) {
      return "add the field: the schema of " + v.apiVersion() + "/" + v.kind() + " requires it";
    }
    if (m.contains("(got boolean)") || m.contains("(got integer)") || m.contains("(got number)")) {
      return "quote the value if it is meant as a string (YAML 1.1 reads on, yes, off, 0755 and the like as other types)";
    }
    return "change the value as the schema of " + v.apiVersion() + "/" + v.kind() + " requires";
  }
}
