package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Approved output of {@code validate} (every example, invalid ones included) and {@code compile}
 * (every valid example) under {@code snapshots/}: a change in wording or output is a visible diff.
 * To approve a change, inspect {@code snapshots/*.received.*} and rename it to {@code .approved}.
 */
class ExampleSnapshotTest {
  private static final Path ROOT = ProjectPaths.root();

  @TestFactory
  Stream<DynamicTest> validateOutputOfEveryExample() {
    return ExampleRun.exampleDirs(ROOT).stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Compilation result = ExampleRun.validate(ROOT, dir);
      Approvals.verify("# lattice validate " + ROOT.relativize(dir) + "\n" + ExampleRun.render(result.diagnostics()),
          options(dir.getFileName() + ".validate", ".txt"));
    }));
  }

  @TestFactory
  Stream<DynamicTest> compileOutputOfEveryValidExample() {
    List<Path> valid = ExampleRun.exampleDirs(ROOT).stream().filter(d -> !d.getFileName().toString().equals("invalid")).toList();
    return valid.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Compilation result = ExampleRun.compile(ROOT, dir);
      assertThat(result.hasErrors()).as(ExampleRun.render(result.diagnostics())).isFalse();
      Approvals.verify(result.toYaml(), options(dir.getFileName() + ".compile", ".yaml"));
    }));
  }

  private static Options options(String name, String extension) {
    return new Options(new QuietReporter()).forFile().withNamer(new SnapshotNamer(ROOT.resolve("snapshots"), name))
        .forFile().withExtension(extension);
  }
}
