package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import java.util.List;

/** Finds documents of a compilation by kind. */
final class Docs {
  private Docs() {}

  static List<Document> ofKind(List<Document> docs, String kind) {
    return docs.stream().filter(d -> d.kind().equals(kind)).toList();
  }

  /** The one document of a kind. */
  static JsonNode one(List<Document> docs, String kind) {
    List<Document> found = ofKind(docs, kind);
    assertThat(found).as(kind).hasSize(1);
    return found.get(0).json();
  }

  /** The document of a kind whose name starts with a prefix (content-hashed templates). */
  static JsonNode named(List<Document> docs, String kind, String prefix) {
    List<Document> found = docs.stream().filter(d -> d.kind().equals(kind) && d.name().startsWith(prefix)).toList();
    assertThat(found).as(kind + " " + prefix + "*").hasSize(1);
    return found.get(0).json();
  }
}
