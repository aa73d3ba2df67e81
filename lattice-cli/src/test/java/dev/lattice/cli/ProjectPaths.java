package dev.lattice.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

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

  static Path shared() {
    String configured = System.getProperty("lattice.shared");
    Path p = configured != null ? Path.of(configured) : root().resolve("../shared");
    if (!Files.isExecutable(p.resolve("tools/validate-k8s"))) {
      fail("../shared is missing (looked in " + p.toAbsolutePath().normalize() + "): the conformance tests run "
          + "../shared/tools/validate-k8s on compiled output. Put the shared data beside the checkout or pass -Dlattice.shared=DIR.");
    }
    return p.toAbsolutePath().normalize();
  }
}
