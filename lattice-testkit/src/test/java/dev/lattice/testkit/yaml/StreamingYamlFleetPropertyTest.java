package dev.lattice.testkit.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.testkit.bench.JacksonFloor;
import dev.lattice.testkit.fleet.Fleet;
import dev.lattice.testkit.fleet.FleetGenerator;
import dev.lattice.testkit.fleet.FleetShape;
import dev.lattice.testkit.fleet.Seeds;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Over seeded generated fleets (the property shape and the benchmark shape): the YAML {@link
 * DocumentWriter} writes — now the streaming writer — is byte for byte what Jackson's YAML mapper
 * writes for the same documents, as one stream and one document at a time, and SnakeYAML (YAML 1.1,
 * through Jackson's YAML mapper) reads it back to trees equal to the documents' bodies. Replay a
 * failure with {@code -Dlattice.seed=N}.
 */
class StreamingYamlFleetPropertyTest {
  private static final int FLEETS = 4;
  private static final YAMLMapper JACKSON = DocumentWriter.yamlMapper();
  private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b) || (a.isNumber() && b.isNumber()
      && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;

  @Test
  void compiledFleetsAreWrittenAsJacksonWritesThemAndReadBack() throws IOException {
    long base = Seeds.base();
    LatticeCompiler compiler = LatticeCompiler.builder().build();
    int documents = 0;
    for (int i = 0; i < FLEETS; i++) {
      long seed = Seeds.of(base, i);
      FleetShape shape = i % 2 == 0 ? FleetShape.small() : FleetShape.ofSize(200);
      Fleet fleet = FleetGenerator.generate(seed, shape);
      Compilation c = compiler.compile(Sources.fromStrings(fleet.files()));
      String context = "seed " + seed + " (replay: -Dlattice.seed=" + base + ", fleet " + i + ")";
      assertThat(c.hasErrors()).as(context).isFalse();
      List<Document> docs = c.documents();
      StringWriter jackson = new StringWriter();
      JacksonFloor.yaml(docs, jackson);
      StringWriter ours = new StringWriter();
      DocumentWriter.writeYaml(docs, ours);
      assertThat(ours.toString()).as(context + ": the stream").isEqualTo(jackson.toString());
      StringBuilder oneByOne = new StringBuilder();
      for (Document d : docs) {
        oneByOne.append(JACKSON.writeValueAsString(d.json()));
      }
      assertThat(DocumentWriter.toYaml(docs)).as(context + ": one document at a time").isEqualTo(oneByOne.toString());
      List<JsonNode> read = readAll(ours.toString());
      assertThat(read).as(context).hasSize(docs.size());
      for (int k = 0; k < docs.size(); k++) {
        assertThat(read.get(k).equals(SAME_VALUE, docs.get(k).json())).as(context + ": " + docs.get(k).id() + " reads back").isTrue();
      }
      documents += docs.size();
    }
    System.out.println("streaming yaml fleet property: " + FLEETS + " fleets, " + documents + " documents, base seed " + base);
  }

  private static List<JsonNode> readAll(String yaml) throws IOException {
    try (MappingIterator<JsonNode> it = JACKSON.readerFor(JsonNode.class).readValues(yaml)) {
      return it.readAll();
    }
  }

}
