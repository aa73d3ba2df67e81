package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.conformance.CheckReport;
import dev.lattice.conformance.KubernetesValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Validates emitted documents with the bundled upstream schemas (lattice-conformance, strict,
 * offline), and locates {@code ../shared} for tests that read the reference system's manifests.
 */
final class SchemaValidator {
  private static final KubernetesValidator VALIDATOR = KubernetesValidator.bundled();

  private SchemaValidator() {}

  /**
   * {@code ../shared} ({@code -Dlattice.shared}); a test that needs it is skipped with one line
   * naming {@code what} when it is absent, unless {@code -Dlattice.requireShared=true} (.ci/run).
   */
  static Path shared(String what) {
    Path p = Path.of(System.getProperty("lattice.shared", "../../shared")).toAbsolutePath().normalize();
    if (!Files.isDirectory(p.resolve("reference"))) {
      String line = "skipped " + what + ": " + p + " (the shared data beside the checkout) is not present";
      assertThat(Boolean.getBoolean("lattice.requireShared")).as(line).isFalse();
      System.out.println(line);
      Assumptions.abort(line);
    }
    return p;
  }

  /** Validates and asserts no failure and {@code N passed, 0 failed}; returns the report. */
  static String assertValid(Path target, int documents) throws Exception {
    CheckReport report = VALIDATOR.validatePaths(List.of(target));
    String out = report.text();
    assertThat(report.ok()).as(out).isTrue();
    assertThat(out).as(out).contains(documents + " passed, 0 failed");
    return out;
  }
}
