package dev.lattice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lattice.conformance.CheckReport;
import dev.lattice.conformance.KubernetesValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The project root (from the system property surefire sets) and the upstream-schema validator. */
public final class TestPaths {
  private TestPaths() {}

  public static Path root() {
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
   * {@code ../shared} (the reference system's data beside the checkout); a test that needs it is
   * skipped with one line when it is absent, and fails under {@code -Dlattice.requireShared=true}.
   */
  public static Path shared() {
    Path p = Path.of(System.getProperty("lattice.shared", "../../shared")).toAbsolutePath().normalize();
    if (!Files.isDirectory(p.resolve("reference"))) {
      String line = "skipped a test that reads " + p + ": the shared data beside the checkout is not present";
      assertThat(Boolean.getBoolean("lattice.requireShared")).as(line).isFalse();
      System.out.println(line);
      org.junit.jupiter.api.Assumptions.abort(line);
    }
    return p;
  }

  /**
   * Validates like {@code validate-k8s [--schemas DIR] [--allow-unknown] PATH...}, with the bundled
   * upstream schemas (lattice-conformance); asserts no document fails and returns the report.
   */
  public static String validate(String... args) throws IOException {
    KubernetesValidator.Builder builder = KubernetesValidator.builder();
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--allow-unknown" -> builder.allowUnknownKinds(true);
        case "--schemas" -> builder.schemas(Path.of(args[++i]));
        default -> paths.add(Path.of(args[i]));
      }
    }
    CheckReport report = builder.build().validatePaths(paths);
    assertThat(report.ok()).as(report.text()).isTrue();
    return report.text();
  }
}
