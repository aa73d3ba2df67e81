package dev.lattice.conformance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Positions in a JSON file: the text is parsed again, once, the first time a problem needs a
 * position. {@code prefix} is the document's pointer in the file ({@code /2} for the third element
 * of a top-level array, {@code ""} for a single object).
 */
final class JsonLocator implements Locator {
  private static final JsonFactory JSON = new JsonFactory();
  private final String text;
  private final String prefix;
  private Map<String, Position> values;
  private Map<String, Position> keys;

  JsonLocator(String text, String prefix) {
    this.text = text;
    this.prefix = prefix;
  }

  @Override
  public synchronized Position find(String pointer, String property) {
    if (values == null) {
      index();
    }
    String full = prefix + pointer;
    if (property != null && keys.containsKey(full + "/" + Problems.token(property))) {
      return keys.get(full + "/" + Problems.token(property));
    }
    String p = full;
    while (!values.containsKey(p) && !p.isEmpty()) {
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return values.getOrDefault(p, new Position(1, 1));
  }

  private void index() {
    values = new HashMap<>();
    keys = new HashMap<>();
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t != null) {
        walk(p, t, "");
      }
    } catch (IOException | RuntimeException e) {
      // the document decoded before, so this does not happen; positions then fall back to 1:1
    }
  }

  private void walk(JsonParser p, JsonToken t, String ptr) throws IOException {
    values.put(ptr, position(p.currentTokenLocation()));
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String child = ptr + "/" + Problems.token(p.currentName());
        keys.put(child, position(p.currentTokenLocation()));
        walk(p, p.nextToken(), child);
      }
    } else if (t == JsonToken.START_ARRAY) {
      int i = 0;
      JsonToken next;
      while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
        walk(p, next, ptr + "/" + i++);
      }
    }
  }

  private static Position position(JsonLocation l) {
    return new Position(l.getLineNr(), l.getColumnNr());
  }
}
