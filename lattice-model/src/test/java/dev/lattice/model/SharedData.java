package dev.lattice.model;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared} (the reference system's manifests beside the checkout, which are not
 * ours to copy into the project). A test that needs it is skipped with one line naming what was
 * skipped when it is absent; with {@code -Dlattice.requireShared=true} (as {@code .ci/run} runs)
 * its absence fails instead, so CI never skips.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder; skips the calling test, naming {@code what}, when it is absent. */
  public static Path root(String what) {
    return find().orElseGet(() -> {
      String line = skipLine(what);
      System.out.println(line);
      Assumptions.abort(line);
      return null;
    });
  }

  /** The shared folder; skips the calling test when it is absent. */
  public static Path root() {
    return root("a test that reads the reference manifests");
  }

  /** The shared folder, or empty (after printing the skip line for {@code what}) when it is absent. */
  public static Optional<Path> ifPresent(String what) {
    Optional<Path> p = find();
    if (p.isEmpty()) {
      System.out.println(skipLine(what));
    }
    return p;
  }

  private static Optional<Path> find() {
    String configured = System.getProperty("lattice.shared");
    Path p = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared")).toAbsolutePath().normalize();
    if (Files.isDirectory(p.resolve("reference"))) {
      return Optional.of(p);
    }
    if (Boolean.getBoolean("lattice.requireShared")) {
      fail("lattice.requireShared is set but " + p + " has no reference/: put the shared data beside the checkout "
          + "or pass -Dlattice.shared=DIR");
    }
    return Optional.empty();
  }

  private static String skipLine(String what) {
    String configured = System.getProperty("lattice.shared", "../shared");
    return "skipped " + what + ": " + Path.of(configured).toAbsolutePath().normalize()
        + " (the shared data beside the checkout) is not present";
  }
}
