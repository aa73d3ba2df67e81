package dev.lattice.model.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.RepoRoot;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples a newcomer reads must stay true: the valid ones read without errors (warnings only
 * where the directory means to show them), and each file of {@code examples/invalid} fails with the
 * code it names, at a known position.
 */
class ExamplesReadTest {
  /** What each file of examples/invalid demonstrates. */
  private static final Map<String, String> INVALID = Map.ofEntries(
      Map.entry("syntax-error.yaml", Codes.SYNTAX),
      Map.entry("duplicate-key.yaml", Codes.DUPLICATE_KEY),
      Map.entry("unknown-field-typo.yaml", Codes.UNKNOWN_FIELD),
      Map.entry("quoted-port.yaml", Codes.WRONG_TYPE),
      Map.entry("missing-image.yaml", Codes.MISSING_FIELD),
      Map.entry("invalid-name.yaml", Codes.INVALID_NAME),
      Map.entry("port-out-of-range.yaml", Codes.PORT_RANGE),
      Map.entry("duplicate-port.yaml", Codes.DUPLICATE_PORT),
      Map.entry("bad-cpu-quantity.yaml", Codes.BAD_QUANTITY),
      Map.entry("probe-port.yaml", Codes.PROBE_PORT),
      Map.entry("autoscaling-below-replicas.yaml", Codes.REPLICAS),
      Map.entry("unknown-placeholder.yaml", Codes.PLACEHOLDER),
      Map.entry("even-control-plane.yaml", Codes.EVEN_CONTROL_PLANE),
      Map.entry("pool-min-above-max.yaml", Codes.POOL_BOUNDS),
      Map.entry("unknown-provider-block.yaml", Codes.UNKNOWN_PROVIDER));

  /** Directories whose files show the older input forms on purpose. */
  private static final Map<String, Set<String>> INTENDED_WARNINGS =
      Map.of("payments", Set.of(Codes.FLAT_FORM, Codes.SNAKE_CASE_FORM));

  private final LatticeReader reader = new LatticeReader();

  @Test
  void validExamplesReadWithoutErrors() throws IOException {
    Path examples = RepoRoot.examples();
    List<Path> files = inputFiles(examples).stream()
        .filter(f -> !examples.relativize(f).startsWith("invalid"))
        // a GitOps repository holds Flux and kustomize files too; `lattice validate` checks it as a whole
        .filter(f -> !Files.isDirectory(examples.resolve(examples.relativize(f).getName(0)).resolve(".lattice"))).toList();
    assertThat(files).as("example files").hasSizeGreaterThanOrEqualTo(12);
    for (Path file : files) {
      String name = examples.relativize(file).toString();
      ReadResult result = reader.readString(name, Files.readString(file));
      String dir = examples.relativize(file).getName(0).toString();
      Set<String> allowed = INTENDED_WARNINGS.getOrDefault(dir, Set.of());
      assertThat(result.diagnostics()).as(name + ":\n" + render(result.diagnostics()))
          .allSatisfy(d -> assertThat(d.code()).isIn(allowed));
      assertThat(result.objects()).as(name + " reads at least one object").isNotEmpty();
    }
  }

  @Test
  void everyExamplesDirectoryIsDescribed() throws IOException {
    String readme = Files.readString(RepoRoot.examples().resolve("README.md"));
    try (Stream<Path> dirs = Files.list(RepoRoot.examples())) {
      dirs.filter(Files::isDirectory).forEach(d ->
          assertThat(readme).as("README mentions " + d.getFileName()).contains("`" + d.getFileName() + "/`"));
    }
  }

  @Test
  void paymentsShowsBothOlderForms() throws IOException {
    Path payments = RepoRoot.examples().resolve("payments");
    ReadResult result = reader.readPaths(List.of(payments));
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.diagnostics()).extracting(Diagnostic::code).contains(Codes.FLAT_FORM, Codes.SNAKE_CASE_FORM);
  }

  @Test
  void invalidExamplesFailWithTheirCodeAtAKnownPosition() throws IOException {
    Path invalid = RepoRoot.examples().resolve("invalid");
    // platform-policy.yaml is the valid companion that lets the broken services deploy images by tag
    List<Path> files = inputFiles(invalid).stream().filter(f -> !f.getFileName().toString().equals("platform-policy.yaml")).toList();
    Set<String> names = files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(names).as("examples/invalid matches the table in this test").isEqualTo(new TreeSet<>(INVALID.keySet()));
    for (Path file : files) {
      String name = "examples/invalid/" + file.getFileName();
      String text = Files.readString(file);
      String expected = INVALID.get(file.getFileName().toString());
      assertThat(text).as(name + " names the code it demonstrates in a comment").contains("Demonstrates " + expected);
      ReadResult result = reader.readString(name, text);
      List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
      String rendered = render(result.diagnostics());
      assertThat(errors).as(name + " has errors").isNotEmpty();
      assertThat(errors).as(name + ":\n" + rendered).extracting(Diagnostic::code).contains(expected);
      assertThat(errors).as(name + " errors are positioned:\n" + rendered).allSatisfy(d -> {
        assertThat(d.position().line()).isPositive();
        assertThat(d.position().column()).isPositive();
        assertThat(d.position().file()).isEqualTo(name);
      });
    }
  }

  @Test
  void invalidDirectoryAsAWholeFails() {
    ReadResult result = reader.readPaths(List.of(RepoRoot.examples().resolve("invalid")));
    Set<String> codes = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code)
        .collect(Collectors.toSet());
    assertThat(codes).containsAll(INVALID.values());
  }

  private static List<Path> inputFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(LatticeReader::isInputFile).sorted().toList();
    }
  }

  private static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
  }
}
