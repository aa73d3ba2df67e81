package dev.lattice.document;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The one serializer: documents to a multi-document YAML stream (each starting with {@code ---},
 * LF line ends, literal blocks for multi-line text) or to JSON lines. Pure apart from writing to
 * the given {@link Writer}. YAML is written by {@link StreamingYamlWriter}, which gives the text
 * of the Jackson YAML mapper below ({@link #yamlMapper()}) several times faster.
 */
public final class DocumentWriter {
  private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
          .stringQuotingChecker(new Yaml11Quoting())
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .build())
      .build();
  private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectWriter JSON_STREAM = JSON.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writer()
      .withRootValueSeparator("\n");

  private DocumentWriter() {}

  /**
   * A copy of the Jackson YAML mapper whose text the streaming writer reproduces, so benchmarks can
   * measure Jackson alone writing the same documents (the floor) and tests can compare the two. Not
   * for producing Lattice output.
   */
  public static YAMLMapper yamlMapper() {
    return YAML.copy();
  }

  /** A copy of the Jackson JSON mapper this writer uses; see {@link #yamlMapper()}. */
  public static ObjectMapper jsonMapper() {
    return JSON.copy();
  }

  /** One YAML document. */
  public static String toYaml(Document d) {
    return StreamingYamlWriter.document(d.content(), DocumentWriter::jacksonYaml);
  }

  /** All documents as one YAML stream, in the given order. */
  public static String toYaml(List<Document> documents) {
    StringBuilder sb = new StringBuilder();
    documents.forEach(d -> sb.append(toYaml(d)));
    return sb.toString();
  }

  /**
   * All documents as one YAML stream, through one writer, without a string per document: the text
   * of {@link #toYaml(List)} except where Jackson's stream differs too (a {@code ...} line after a
   * document ending in a literal that keeps blank lines). Leaves {@code out} open.
   */
  public static void writeYaml(List<Document> documents, Writer out) {
    StreamingYamlWriter writer = new StreamingYamlWriter(out, DocumentWriter::jacksonYaml);
    try {
      for (Document d : documents) {
        writer.write(d.content());
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Jackson's text of one body, for what {@link StreamingYamlWriter} leaves to it. */
  private static String jacksonYaml(JsonNode body) {
    try {
      return YAML.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a document", e);
    }
  }

  /** One JSON object per line, through one generator. Leaves {@code out} open. */
  public static void writeJsonLines(List<Document> documents, Writer out) {
    try {
      try (SequenceWriter seq = JSON_STREAM.writeValues(out)) {
        for (Document d : documents) {
          seq.write(d.json());
        }
      }
      if (!documents.isEmpty()) {
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
