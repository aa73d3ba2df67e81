package dev.lattice.document;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The reference the streaming writer is held to: Jackson's own YAML text, and SnakeYAML reading it back. */
final class JacksonYaml {
  private static final ObjectMapper YAML = DocumentWriter.yamlMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  /** Equal numbers are equal whatever node type holds them (an int written may read back as an int node of a long). */
  static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b) || (a.isNumber() && b.isNumber()
      && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;

  private JacksonYaml() {}

  static Document document(ObjectNode body) {
    return Document.of("v1", "ConfigMap", Optional.empty(), "x", body);
  }

  /** Jackson writing one document on its own. */
  static String of(JsonNode body) {
    try {
      return YAML.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Jackson writing every body through one sequence writer, as {@code DocumentWriter.writeYaml} did. */
  static String stream(List<? extends JsonNode> bodies) {
    StringWriter out = new StringWriter();
    try (SequenceWriter seq = YAML.writer().writeValues(out)) {
      for (JsonNode body : bodies) {
        seq.write(body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Every document of a YAML stream, read by SnakeYAML (YAML 1.1) through Jackson. */
  static List<JsonNode> parse(String yaml) {
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      return it.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean sameTree(JsonNode a, JsonNode b) {
    return a.equals(SAME_VALUE, b);
  }
}
