package dev.lattice.testkit.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Jackson alone writing a document list with the mappers {@link DocumentWriter} is configured
 * with, through one streaming {@link SequenceWriter}: the floor that writing Lattice's output cannot
 * go below without a different serialiser.
 */
public final class JacksonFloor {
  private static final ObjectMapper YAML = DocumentWriter.yamlMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private static final ObjectMapper JSON = DocumentWriter.jsonMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JacksonFloor() {}

  /** Writes every body as one YAML stream. */
  public static void yaml(List<Document> documents, Writer out) {
    write(YAML, documents, out, null);
  }

  /** Writes every body as JSON, one per line. */
  public static void json(List<Document> documents, Writer out) {
    write(JSON, documents, out, "\n");
  }

  private static void write(ObjectMapper mapper, List<Document> documents, Writer out, String separator) {
    var writer = separator == null ? mapper.writer() : mapper.writer().withRootValueSeparator(separator);
    try (SequenceWriter seq = writer.writeValues(out)) {
      for (Document d : documents) {
        seq.write(d.content());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
