package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.document.Sha256;
import dev.lattice.testkit.fleet.Fleet;
import dev.lattice.testkit.fleet.FleetGenerator;
import dev.lattice.testkit.fleet.FleetShape;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

/**
 * The output of the benchmark fleets (1k and 10k services, the seed {@code lattice bench} uses) is
 * approved byte for byte, as the examples' are: {@code snapshots/fleet-<n>.output.approved.txt} holds,
 * per document kind, the count, the bytes and the SHA-256 of its YAML, and the digest of the whole
 * stream {@code lattice compile} writes. A change to the reader, the documents, the order or the
 * writer that changes a byte of any of them fails here and names the kinds it touched; a deliberate
 * change is approved by reading the example snapshots' diff and renaming the received file.
 */
class GeneratedFleetOutputTest {
  private static final long BENCH_SEED = 20261123L;
  private static final Path SNAPSHOTS = ProjectPaths.root().resolve("snapshots");

  @Test
  void aThousandServices() {
    Approvals.verify(summary(1_000), options("fleet-1000.output"));
  }

  @Test
  void tenThousandServices() {
    Approvals.verify(summary(10_000), options("fleet-10000.output"));
  }

  private static String summary(int services) {
    Fleet fleet = FleetGenerator.generate(BENCH_SEED, FleetShape.ofSize(services));
    Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(fleet.files()));
    assertThat(c.hasErrors()).as("the benchmark fleet compiles").isFalse();
    List<Document> documents = c.documents();
    Map<String, StringBuilder> byKind = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Document d : documents) {
      String kind = d.apiVersion() + " " + d.kind();
      byKind.computeIfAbsent(kind, k -> new StringBuilder()).append(DocumentWriter.toYaml(d));
      counts.merge(kind, 1, Integer::sum);
    }
    StringWriter stream = new StringWriter();
    DocumentWriter.writeYaml(documents, stream);
    StringBuilder out = new StringBuilder("fleet of " + services + " services, seed " + BENCH_SEED + ": "
        + documents.size() + " documents, " + digest(stream.toString()) + "\n");
    byKind.forEach((kind, yaml) -> out.append(kind).append(": ").append(counts.get(kind)).append(" documents, ")
        .append(digest(yaml.toString())).append('\n'));
    return out.toString();
  }

  private static String digest(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return bytes.length + " bytes, sha256 " + Sha256.hex(bytes).substring(0, 16);
  }

  private static Options options(String name) {
    return new Options(new QuietReporter()).forFile().withNamer(new SnapshotNamer(SNAPSHOTS, name)).forFile()
        .withExtension(".txt");
  }
}
