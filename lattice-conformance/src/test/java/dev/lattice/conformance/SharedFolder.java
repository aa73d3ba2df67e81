package dev.lattice.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@code shared} folder beside the checkout ({@code -Dlattice.shared}, set by surefire). Tests
 * that need it are skipped with one line naming what was skipped when it is absent (and fail under
 * {@code -Dlattice.requireShared=true}, as {@code .ci/run} runs them).
 */
final class SharedFolder {
  private SharedFolder() {}

  static Path root() {
    return Path.of(System.getProperty("lattice.shared", "../../shared"));
  }

  /** {@code relative} inside the shared folder; skips the calling test (naming {@code what}) when absent. */
  static Path path(String relative, String what) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      String line = "skipped " + what + ": " + p.toAbsolutePath().normalize() + " is not present";
      if (Boolean.getBoolean("lattice.requireShared")) {
        org.junit.jupiter.api.Assertions.fail(line + " and lattice.requireShared is set");
      }
      System.out.println(line);
      Assumptions.abort(line);
    }
    return p;
  }
}
