package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.testkit.fleet.FleetGenerator;
import dev.lattice.testkit.fleet.FleetShape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet larger than the heap is the machine's limit, not a bug: the command says which limit and
 * how to raise it, exits 1, and prints no stack trace (a JVM of its own, with a small heap).
 */
class OutOfMemoryTest {
  @Test
  void runningOutOfHeapIsAPlainErrorNamingTheLimit(@TempDir Path dir) throws Exception {
    Path fleet = dir.resolve("services");
    Files.createDirectories(fleet);
    FleetGenerator.generate(20261204L, FleetShape.ofSize(3000)).files()
        .forEach((name, text) -> write(fleet.resolve(name.replace('/', '_')), text));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx40m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), LatticeCommand.class.getName(), "compile", fleet.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).contains("lattice: out of memory: the JVM's heap limit is").contains("LATTICE_JAVA_OPTS=-Xmx")
        .doesNotContain("Exception in thread").doesNotContain("\tat ");
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
