package dev.lattice.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The project root (for examples/ and snapshots/) and the shared data beside it. */
final class ProjectPaths {
  private ProjectPaths() {}

  static Path root() {
    String configured = System.getProperty("lattice.root");
    Path p = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples"))) {
      p = p.getParent();
    }
    if (p == null) {
      fail("cannot find the project root (a folder with examples/); set -Dlattice.root=DIR");
    }
    return p.toAbsolutePath().normalize();
  }

  /**
   * {@code ../shared/reference/<sub>}; the test is skipped with one line naming {@code what} when the
   * shared data is absent (and fails instead under {@code -Dlattice.requireShared=true}, as in CI).
   */
  static Path sharedReference(String sub, String what) {
    Path p = (System.getProperty("lattice.shared") != null ? Path.of(System.getProperty("lattice.shared"))
        : root().resolve("../shared")).toAbsolutePath().normalize().resolve("reference").resolve(sub);
    if (!Files.isDirectory(p)) {
      String line = "skipped " + what + ": " + p + " is not present";
      if (Boolean.getBoolean("lattice.requireShared")) {
        fail(line.replace("skipped", "cannot run") + " and lattice.requireShared is set");
      }
      System.out.println(line);
      Assumptions.abort(line);
    }
    return p;
  }

  /**
   * {@code ../shared} (the reference system's data beside the checkout). A test that needs it is
   * skipped with one line when it is absent, and fails instead under
   * {@code -Dlattice.requireShared=true} (as {@code .ci/run} runs), so CI never skips it.
   */
  static Path shared() {
    String configured = System.getProperty("lattice.shared");
    Path p = (configured != null ? Path.of(configured) : root().resolve("../shared")).toAbsolutePath().normalize();
    if (!Files.isDirectory(p.resolve("reference"))) {
      String line = "skipped " + callingTest() + ": " + p + " (the shared data beside the checkout) is not present";
      if (Boolean.getBoolean("lattice.requireShared")) {
        fail(line.replace("skipped", "cannot run") + " and lattice.requireShared is set");
      }
      System.out.println(line);
      Assumptions.abort(line);
    }
    return p;
  }

  private static String callingTest() {
    return StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst()
        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
        .orElse("a test"));
  }
}
