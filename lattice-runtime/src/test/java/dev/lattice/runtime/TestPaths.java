package dev.lattice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The project root and the shared validator, from the system properties surefire sets. */
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

  /** {@code ../shared}, from {@code -Dlattice.shared}; fails with a clear message when it is missing. */
  public static Path shared() {
    String configured = System.getProperty("lattice.shared");
    if (configured == null) {
      fail("system property lattice.shared is not set: run the tests through ./mvnw (surefire sets it) "
          + "or pass -Dlattice.shared=DIR pointing at the shared folder with tools/validate-k8s");
    }
    Path p = Path.of(configured);
    if (!Files.isExecutable(p.resolve("tools/validate-k8s"))) {
      fail("lattice.shared=" + p.toAbsolutePath().normalize() + " has no executable tools/validate-k8s: "
          + "put the shared data beside the checkout or pass -Dlattice.shared=DIR");
    }
    return p.toAbsolutePath().normalize();
  }

  /** Runs validate-k8s with the arguments; asserts it exits 0 and returns its output. */
  public static String validate(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(shared().resolve("tools/validate-k8s").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("validate-k8s finished").isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }
}
