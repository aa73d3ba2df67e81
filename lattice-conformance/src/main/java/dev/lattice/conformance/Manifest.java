package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One document of a manifest file: its index in the file (from 0, empty documents counted), its
 * decoded content or why it could not be decoded, and where its values are in the text.
 */
record Manifest(int index, Optional<JsonNode> content, Optional<String> error, Locator locator) {
  static Manifest decoded(int index, JsonNode content, Locator locator) {
    return new Manifest(index, Optional.of(content), Optional.empty(), locator);
  }

  static Manifest failed(int index, String error, Locator locator) {
    return new Manifest(index, Optional.empty(), Optional.of(error), locator);
  }
}
