package dev.lattice.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java validator and {@code shared/tools/validate-k8s} give the same verdict on every
 * approved snapshot and every self-test case: the same documents fail, at the same paths. Runs
 * where {@code ../shared} (and Node) is present; skipped with one line otherwise. {@code .ci/run}
 * passes {@code -Dlattice.shared} so CI never skips it.
 */
class AgreesWithValidateK8sTest {

  @Test
  void bothValidatorsGiveTheSameVerdictOnEverySnapshotAndSelftestCase() throws Exception {
    Path tool = SharedFolder.path("tools/validate-k8s", "the agreement with validate-k8s");
    Path root = Path.of(System.getProperty("lattice.root", ".."));
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root.resolve("snapshots"))) {
      s.filter(p -> p.toString().endsWith(".approved.yaml")).sorted().forEach(files::add);
    }
    try (Stream<Path> s = Files.walk(SharedFolder.root().resolve("schemas/selftest"))) {
      s.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThan(10);
    KubernetesValidator java = KubernetesValidator.bundled();
    for (Path file : files) {
      Map<String, TreeSet<String>> ours = new TreeMap<>();
      FileReport report = java.validate(file.toString(), Files.readString(file));
      for (Violation v : report.violations()) {
        ours.computeIfAbsent("#" + v.document(), k -> new TreeSet<>()).add(v.path());
      }
      Map<String, TreeSet<String>> theirs = runValidateK8s(tool, file);
      assertThat(ours).as("documents failing, and their paths, in %s\nours:%n%s", file,
          String.join("\n", report.violations().stream().map(Violation::toValidateK8sLine).toList()))
          .isEqualTo(theirs);
    }
  }

  private static Map<String, TreeSet<String>> runValidateK8s(Path tool, Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(tool.toString(), file.toString()).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Map<String, TreeSet<String>> failing = new TreeMap<>();
    String prefix = file.toString() + "#";
    for (String line : out.split("\n")) {
      if (!line.startsWith(prefix)) {
        continue;
      }
      String rest = line.substring(prefix.length());
      String doc = "#" + rest.substring(0, rest.indexOf(' '));
      String afterHead = rest.substring(rest.indexOf(": ") + 2);
      String path = afterHead.substring(0, afterHead.indexOf(": "));
      failing.computeIfAbsent(doc, k -> new TreeSet<>()).add(path);
    }
    return failing;
  }
}
