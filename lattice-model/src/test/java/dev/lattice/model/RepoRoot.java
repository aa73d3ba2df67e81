package dev.lattice.model;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the repository root (the directory holding {@code examples/}): the system property
 * {@code lattice.root} that surefire sets, else the nearest ancestor of the working directory that
 * has an {@code examples/} directory.
 */
public final class RepoRoot {
  private RepoRoot() {}

  public static Path root() {
    String configured = System.getProperty("lattice.root");
    if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "examples"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples"))) {
        return p.normalize();
      }
    }
    return fail("cannot find the repository root: no examples/ directory above "
        + Path.of("").toAbsolutePath() + " and -Dlattice.root is " + configured);
  }

  public static Path examples() {
    return root().resolve("examples");
  }
}
