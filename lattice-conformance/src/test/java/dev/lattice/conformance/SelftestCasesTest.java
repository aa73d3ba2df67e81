package dev.lattice.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * validate-k8s's own self-test, ported: every file under {@code selftest/valid} passes, and every
 * file under {@code selftest/invalid} fails with each message its {@code # expect:} lines name
 * (the cases are copied from {@code shared/schemas/selftest}).
 */
class SelftestCasesTest {
  private static final KubernetesValidator VALIDATOR = KubernetesValidator.bundled();
  private static final Pattern EXPECT = Pattern.compile("(?m)^#\\s*expect:\\s*(.+?)\\s*$");

  static Stream<Path> valid() throws IOException, URISyntaxException {
    return files("valid");
  }

  static Stream<Path> invalid() throws IOException, URISyntaxException {
    return files("invalid");
  }

  private static Stream<Path> files(String folder) throws IOException, URISyntaxException {
    Path dir = Path.of(SelftestCasesTest.class.getResource("/selftest/" + folder).toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("valid")
  void validCasesPass(Path file) throws IOException {
    FileReport report = VALIDATOR.validate(file.getFileName().toString(), Files.readString(file));
    assertThat(report.violations()).extracting(Violation::toValidateK8sLine).isEmpty();
    assertThat(report.passed()).isPositive();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidCasesFailWithTheExpectedMessages(Path file) throws IOException {
    String text = Files.readString(file);
    List<String> expected = EXPECT.matcher(text).results().map(m -> m.group(1)).toList();
    FileReport report = VALIDATOR.validate(file.getFileName().toString(), text);
    List<String> lines = report.violations().stream().map(Violation::toValidateK8sLine).toList();
    assertThat(expected).isNotEmpty();
    assertThat(report.passed()).as("documents that passed in %s: %s", file, lines).isZero();
    assertThat(report.failed()).isPositive();
    for (String e : expected) {
      assertThat(lines).as("expected message in %s", file).anyMatch(l -> l.contains(e));
    }
    assertThat(report.violations()).allMatch(v -> v.line() > 0 && v.column() > 0);
  }

}
