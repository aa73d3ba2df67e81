package dev.lattice.compiler.document;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
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
 * the given {@link Writer}.
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
  private static final ObjectWriter YAML_STREAM = YAML.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writer();
  private static final ObjectWriter JSON_STREAM = JSON.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writer()
      .withRootValueSeparator("\n");

  private DocumentWriter() {}

  /**
   * A copy of the Jackson YAML mapper this writer uses, so benchmarks can measure Jackson alone
   * writing the same documents (the floor for the output). Not for producing Lattice output.
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
    try {
      return YAML.writeValueAsString(d.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + d.id(), e);
    }
  }

  /** All documents as one YAML stream, in the given order. */
  public static String toYaml(List<Document> documents) {
    StringBuilder sb = new StringBuilder();
    documents.forEach(d -> sb.append(toYaml(d)));
    return sb.toString();
  }

  /**
   * All documents as one YAML stream, through one generator (the same text as {@link
   * #toYaml(List)}, without a string per document). Leaves {@code out} open.
   */
  public static void writeYaml(List<Document> documents, Writer out) {
    if (documents.isEmpty()) {
      return; // an empty YAML sequence cannot be closed: Jackson would end a document it never started
    }
    try (SequenceWriter seq = YAML_STREAM.writeValues(out)) {
      for (Document d : documents) {
        seq.write(d.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One JSON object per line, through one generator. Leaves {@code out} open. */
  public static void writeJsonLines(List<Document> documents, Writer out) {
    try {
      try (SequenceWriter seq = JSON_STREAM.writeValues(out)) {
        for (Document d : documents) {
          seq.write(d.body());
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
