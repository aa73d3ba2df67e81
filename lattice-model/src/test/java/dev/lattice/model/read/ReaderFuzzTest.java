package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.RepoRoot;
import dev.lattice.model.SharedData;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A seeded property test of the reader's promises on broken input, over mutants of every example
 * and reference manifest ({@link TextMutator}):
 *
 * <ul>
 *   <li>no exception escapes {@link LatticeReader#readString};
 *   <li>every diagnostic has a position in the text that was read (the given file name, line 1 to
 *       the last line, column at least 1);
 *   <li>a result without errors lost no document: objects plus documents skipped with a warning
 *       ({@code LAT1005}) or an info line ({@code LAT1006}) account for every document, and text
 *       that is not YAML never reads without an error;
 *   <li>reading is deterministic.
 * </ul>
 *
 * <p>The seed is {@code -Dlattice.seed=N} (the build fixes one); every failure message names it so
 * the run can be replayed, and failing mutants are written to {@code target/fuzz-failures/}.
 * {@code -Dlattice.fuzz.mutants=N} changes how many mutants are made.
 */
class ReaderFuzzTest {
  private static final long DEFAULT_SEED = 20261123L;
  private static final int DEFAULT_MUTANTS = 4000;
  private static final int MAX_REPORTED = 10;

  private final LatticeReader reader = new LatticeReader();

  @Test
  void mutantsNeverCrashTheReaderAndAlwaysExplainThemselves() throws IOException {
    long seed = longProperty("lattice.seed", DEFAULT_SEED);
    int mutants = (int) longProperty("lattice.fuzz.mutants", DEFAULT_MUTANTS);
    List<Path> corpus = corpus();
    List<String> texts = new ArrayList<>();
    for (Path p : corpus) {
      texts.add(Files.readString(p));
    }
    assertThat(corpus).as("fuzz corpus").hasSizeGreaterThan(20);

    SplittableRandom random = new SplittableRandom(seed);
    TextMutator mutator = new TextMutator(random);
    List<String> failures = new ArrayList<>();
    TreeSet<String> codes = new TreeSet<>();
    int withErrors = 0;
    for (int i = 0; i < mutants; i++) {
      int source = random.nextInt(corpus.size());
      String name = corpus.get(source).getFileName().toString();
      TextMutator.Mutant mutant = mutator.mutate(texts.get(source));
      String context = "seed=" + seed + " mutant=" + i + " of " + corpus.get(source) + " " + mutant.ops();
      ReadResult result;
      try {
        result = reader.readString(name, mutant.text());
      } catch (Throwable t) {
        failures.add(context + ": readString threw " + t);
        save(i, mutant);
        continue;
      }
      result.diagnostics().forEach(d -> codes.add(d.code()));
      if (result.hasErrors()) {
        withErrors++;
      }
      List<String> problems = check(name, mutant.text(), result);
      if (i % 10 == 0) {
        ReadResult again = reader.readString(name, mutant.text());
        if (!again.diagnostics().equals(result.diagnostics()) || !values(again).equals(values(result))) {
          problems.add("reading twice gave different results");
        }
      }
      if (!problems.isEmpty()) {
        failures.add(context + ": " + String.join("; ", problems));
        save(i, mutant);
      }
    }
    System.out.printf("ReaderFuzzTest seed=%d: %d mutants of %d files, %d with errors, %d distinct codes seen %s%n",
        seed, mutants, corpus.size(), withErrors, codes.size(), codes);
    assertThat(failures)
        .as("%d of %d mutants broke a reader promise (seed=%d; replay with -Dlattice.seed=%d). First ones:%n%s",
            failures.size(), mutants, seed, seed, String.join("\n", failures.subList(0, Math.min(MAX_REPORTED, failures.size()))))
        .isEmpty();
    assertThat(mutants).isGreaterThanOrEqualTo(Math.min(mutants, 3000));
  }

  /** The broken promises of one result, as sentences; empty when all hold. */
  private static List<String> check(String name, String text, ReadResult result) {
    List<String> problems = new ArrayList<>();
    int lastLine = lineCount(text);
    for (Diagnostic d : result.diagnostics()) {
      if (!d.position().file().equals(name) || d.position().line() < 1 || d.position().line() > lastLine
          || d.position().column() < 1) {
        problems.add("diagnostic outside the text (" + lastLine + " lines): " + d.render());
      }
    }
    OptionalInt documents = documentCount(text);
    if (!result.hasErrors()) {
      if (documents.isEmpty()) {
        problems.add("text that is not YAML read without errors");
      } else {
        long skipped = result.diagnostics().stream()
            .filter(d -> d.code().equals(Codes.UNSUPPORTED_KIND) || d.code().equals(Codes.FOREIGN_DOCUMENT)).count();
        if (result.objects().size() + skipped != documents.getAsInt()) {
          problems.add("no errors, but " + result.objects().size() + " objects + " + skipped + " skipped != "
              + documents.getAsInt() + " documents");
        }
      }
    }
    return problems;
  }

  /**
   * Lines as YAML 1.1 (and so SnakeYAML) counts them: CR LF, CR, LF, NEL, LS and PS each end a line.
   * An editor that breaks lines only at LF would number lines after a stray LS differently.
   */
  static int lineCount(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        lines++;
      }
    }
    return lines;
  }

  /** The documents SnakeYAML finds (empty documents aside), or empty when it cannot parse the text. */
  private static OptionalInt documentCount(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(200);
    try {
      int count = 0;
      for (org.yaml.snakeyaml.nodes.Node n : new Yaml(options).composeAll(new StringReader(text))) {
        if (!(n instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
          count++;
        }
      }
      return OptionalInt.of(count);
    } catch (RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  private static List<Object> values(ReadResult r) {
    return r.objects().stream().map(SourcedObject::object).map(Object.class::cast).toList();
  }

  static List<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    List<Path> dirs = new ArrayList<>(List.of(RepoRoot.examples()));
    SharedData.ifPresent("fuzzing the reference corpus (the examples are still fuzzed)")
        .ifPresent(shared -> dirs.add(shared.resolve("reference/lattice")));
    for (Path dir : dirs) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile).filter(LatticeReader::isInputFile).sorted().forEach(files::add);
      }
    }
    return files;
  }

  private static void save(int index, TextMutator.Mutant mutant) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      Files.writeString(dir.resolve("mutant-" + index + ".yaml"), mutant.text());
    } catch (IOException | RuntimeException e) {
      // the failure message still names the seed; the copy is a convenience
    }
  }

  private static long longProperty(String key, long fallback) {
    String v = System.getProperty(key);
    try {
      return v == null || v.isBlank() ? fallback : Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
