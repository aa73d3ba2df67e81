package dev.lattice.conformance;

import java.util.ArrayList;
import java.util.List;

/** The problems found in one document, each at a JSON pointer into it. */
final class Problems {
  private final List<Problem> list = new ArrayList<>();

  void add(String pointer, String message) {
    list.add(new Problem(pointer, message));
  }

  void addAll(List<Problem> problems) {
    list.addAll(problems);
  }

  List<Problem> list() {
    return list;
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** One problem: where (a JSON pointer; {@code ""} for the document) and what. */
  record Problem(String pointer, String message) {}

  /** Escapes one JSON pointer token. */
  static String token(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
