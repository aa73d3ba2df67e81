package dev.lattice.testkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Jackson alone parsing YAML texts into trees ({@code ObjectMapper} over a default {@link
 * YAMLFactory}, every document of every text, on the calling thread): the floor that reading
 * Lattice's input — parse, bind, validate — is measured against.
 */
public final class ParseFloor {
  private static final ObjectReader TREES = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class);

  private ParseFloor() {}

  /** Parses every document of every text; returns how many documents were not empty. */
  public static long trees(Map<String, String> texts) {
    long documents = 0;
    for (String text : texts.values()) {
      documents += trees(text);
    }
    return documents;
  }

  /** Parses every document of one YAML text; returns how many were not empty. */
  public static long trees(String text) {
    long documents = 0;
    try (MappingIterator<JsonNode> it = TREES.readValues(text)) {
      while (it.hasNext()) {
        if (it.next() != null) {
          documents++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }
}
