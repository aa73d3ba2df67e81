package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.document.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The Flux documents inside a compilation's add-on ConfigMaps, in ClusterResourceSet apply order. */
final class AddonDocs {
  private static final YAMLMapper YAML = new YAMLMapper();

  private AddonDocs() {}

  /** The YAML text of every inner document, ConfigMaps in CRS order and keys sorted. */
  static List<String> texts(List<Document> docs) {
    List<String> out = new ArrayList<>();
    for (Document crs : Docs.ofKind(docs, "ClusterResourceSet")) {
      for (JsonNode res : crs.json().at("/spec/resources")) {
        Document cm = docs.stream().filter(d -> d.kind().equals("ConfigMap") && d.name().equals(res.path("name").asText())
            && d.namespace().equals(crs.namespace())).findFirst().orElseThrow(() -> new AssertionError("CRS names " + res));
        Iterator<Map.Entry<String, JsonNode>> it = cm.json().path("data").fields();
        while (it.hasNext()) {
          out.add(it.next().getValue().asText());
        }
      }
    }
    return out;
  }

  /** The inner documents, parsed. */
  static List<JsonNode> parsed(List<Document> docs) {
    return texts(docs).stream().map(AddonDocs::parse).toList();
  }

  /** The inner documents of one kind. */
  static List<JsonNode> ofKind(List<Document> docs, String kind) {
    return parsed(docs).stream().filter(n -> n.path("kind").asText().equals(kind)).toList();
  }

  /** The HelmRelease of a name. */
  static JsonNode release(List<Document> docs, String name) {
    return ofKind(docs, "HelmRelease").stream().filter(n -> n.at("/metadata/name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no HelmRelease " + name));
  }

  static List<String> releaseNames(List<Document> docs) {
    return ofKind(docs, "HelmRelease").stream().map(n -> n.at("/metadata/name").asText()).toList();
  }

  private static JsonNode parse(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
