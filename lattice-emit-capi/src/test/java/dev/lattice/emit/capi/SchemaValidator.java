package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ../shared/tools/validate-k8s} (strict) on a file or directory; fails clearly when it is missing. */
final class SchemaValidator {
  private SchemaValidator() {}

  static Path shared() {
    String configured = System.getProperty("lattice.shared");
    if (configured == null) {
      fail("system property lattice.shared is not set: run the tests through Maven (surefire sets it to ../shared)");
    }
    Path validator = Path.of(configured).resolve("tools/validate-k8s");
    if (!Files.isExecutable(validator)) {
      fail("validate-k8s is missing at " + validator.toAbsolutePath().normalize() + ": check out the shared data beside "
          + "the repository or pass -Dlattice.shared=DIR");
    }
    return Path.of(configured).toAbsolutePath().normalize();
  }

  /** Validates and asserts exit 0 and {@code N passed, 0 failed}; returns the report. */
  static String assertValid(Path target, int documents) throws Exception {
    Path validator = shared().resolve("tools/validate-k8s");
    Process p = new ProcessBuilder(List.of(validator.toString(), target.toString())).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("validate-k8s finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as(out).contains(documents + " passed, 0 failed");
    return out;
  }
}
