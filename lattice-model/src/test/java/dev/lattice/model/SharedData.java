package dev.lattice.model;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared} (the upstream data beside the checkout) and fails clearly without it. */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String configured = System.getProperty("lattice.shared");
    Path p = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    if (!Files.isDirectory(p.resolve("reference"))) {
      fail("../shared is missing (looked in " + p.toAbsolutePath().normalize() + "): this test reads the upstream "
          + "reference manifests and schemas from it. Check out the shared data beside the repository "
          + "or pass -Dlattice.shared=DIR.");
    }
    return p.toAbsolutePath().normalize();
  }
}
