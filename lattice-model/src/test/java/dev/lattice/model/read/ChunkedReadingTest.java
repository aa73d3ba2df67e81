package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A large multi-document file is read in parallel runs of documents ({@link DocumentChunks}); the
 * result must be exactly that of one pass on one thread — the same objects, the same diagnostics in
 * the same order at the same positions — for whole files, for files with broken documents (mutants of
 * the fuzz corpus, {@link TextMutator}) and for files whose syntax errors force the one-pass fallback.
 * Seeded: {@code -Dlattice.seed=N} replays a run; failures name the seed.
 */
class ChunkedReadingTest {
  private static final long SEED = Long.getLong("lattice.seed", 20261123L);

  @Test
  void cutsOnlyBeforeDocumentMarkersAndKeepsLineNumbers() {
    String doc = "a: 1\nb: |\n  ---\n  text\n---\nc: 2\n";
    String big = doc.repeat(DocumentChunks.MIN_CHUNK_CHARS / doc.length() * 3);
    List<DocumentChunks.Chunk> chunks = DocumentChunks.cut(big, 4);
    assertThat(chunks).hasSizeGreaterThan(1);
    assertThat(String.join("", chunks.stream().map(DocumentChunks.Chunk::text).toList())).isEqualTo(big);
    long linesBefore = 0;
    for (DocumentChunks.Chunk c : chunks) {
      assertThat(c.firstLine()).isEqualTo(linesBefore + 1);
      assertThat(c == chunks.get(0) || c.text().startsWith("---\n")).isTrue();
      linesBefore += c.text().chars().filter(ch -> ch == '\n').count();
    }
    assertThat(DocumentChunks.cut("%YAML 1.1\n" + big, 4)).hasSize(1);
    assertThat(DocumentChunks.cut(big.replace("---\nc", "...\n---\nc"), 4)).hasSize(1);
    assertThat(DocumentChunks.cut(doc, 4)).hasSize(1);
  }

  @Test
  void aLargeFileReadsAsOnePassWould() throws IOException {
    List<String> texts = corpusTexts();
    StringBuilder file = new StringBuilder();
    SplittableRandom random = new SplittableRandom(SEED);
    TextMutator mutator = new TextMutator(random);
    int mutants = 0;
    while (file.length() < 6 * DocumentChunks.MIN_CHUNK_CHARS) {
      String text = texts.get(random.nextInt(texts.size()));
      if (random.nextInt(10) == 0) {
        // a mutant whose breakage stays inside its own documents (a syntax error is the next test's case)
        String broken = mutator.mutate(text).text();
        if (LatticeReader.readInOnePiece("x.yaml", broken).diagnostics().stream().noneMatch(d -> d.code().equals(Codes.SYNTAX))) {
          text = broken;
          mutants++;
        }
      }
      file.append("---\n").append(text).append(text.endsWith("\n") ? "" : "\n");
    }
    assertThat(DocumentChunks.cut(file.toString(), 4)).as("seed=" + SEED).hasSizeGreaterThan(2);
    assertThat(mutants).as("seed=" + SEED).isPositive();
    assertSameAsOnePass(file.toString());
  }

  @Test
  void aSyntaxErrorInOneRunIsReportedAsOnePassReportsIt() throws IOException {
    List<String> texts = corpusTexts();
    StringBuilder file = new StringBuilder();
    int i = 0;
    while (file.length() < 6 * DocumentChunks.MIN_CHUNK_CHARS) {
      file.append("---\n").append(texts.get(i++ % texts.size())).append('\n');
      if (i == texts.size() * 3) {
        file.append("---\nkind: \"an unterminated quote\n---\nkind: LatticeService\n");
      }
    }
    assertSameAsOnePass(file.toString());
    assertThat(new LatticeReader().readString("big.yaml", file.toString()).diagnostics())
        .anyMatch(d -> d.code().equals(Codes.SYNTAX));
  }

  private static void assertSameAsOnePass(String text) {
    ReadResult parallel = new LatticeReader().readString("big.yaml", text);
    ReadResult onePass = LatticeReader.readInOnePiece("big.yaml", text);
    assertThat(parallel.objects()).as("seed=" + SEED).isEqualTo(onePass.objects());
    assertThat(parallel.diagnostics()).as("seed=" + SEED).isEqualTo(onePass.diagnostics());
  }

  private static List<String> corpusTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path p : ReaderFuzzTest.corpus()) {
      if (!p.toString().endsWith(".json")) {
        texts.add(Files.readString(p));
      }
    }
    return texts;
  }
}
