package dev.lattice.runtime.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import java.util.List;

/**
 * Turns a custom resource into model values the simplest safe way: write the fields the reader
 * knows (apiVersion, kind, the metadata the model has, spec) as JSON text and read it with {@link
 * LatticeReader}, which validates it exactly as the CLI does. The source name is the object's key
 * plus {@code .json}, so every diagnostic says which object it is about.
 */
public final class ResourceText {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METADATA =
      List.of("name", "namespace", "labels", "annotations", "generation", "uid", "resourceVersion", "creationTimestamp", "finalizers");
  private static final LatticeReader READER = new LatticeReader();

  private ResourceText() {}

  /** Reads one object. */
  public static ReadResult read(RawObject object) {
    ObjectNode doc = Json.object();
    doc.set("apiVersion", object.json().path("apiVersion"));
    doc.set("kind", object.json().path("kind"));
    ObjectNode meta = doc.putObject("metadata");
    JsonNode source = object.json().path("metadata");
    for (String field : METADATA) {
      if (source.hasNonNull(field)) {
        meta.set(field, source.get(field));
      }
    }
    if (object.json().has("spec")) {
      doc.set("spec", object.json().get("spec"));
    }
    try {
      return READER.readString(sourceName(object.key()), JSON.writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + object.key(), e);
    }
  }

  /**
   * The object as it was last compiled and applied: its {@code status.lastAppliedSpec} in place of its spec,
   * when that is present and still reads cleanly (issue #16, item 1: it survives a restart, unlike memory).
   */
  public static java.util.Optional<dev.lattice.model.SourcedObject> lastApplied(RawObject object) {
    JsonNode text = object.status().path(LAST_APPLIED_SPEC);
    JsonNode spec;
    try {
      spec = text.isTextual() ? JSON.readTree(text.asText()) : null;
    } catch (JsonProcessingException e) {
      spec = null; // not ours, or damaged: as if absent
    }
    if (spec == null || !spec.isObject()) {
      return java.util.Optional.empty();
    }
    ObjectNode json = object.json().deepCopy();
    json.set("spec", spec);
    ReadResult r = read(new RawObject(object.key(), object.generation(), object.deleting(), json));
    return r.hasErrors() || r.objects().size() != 1 ? java.util.Optional.empty() : java.util.Optional.of(r.objects().get(0));
  }

  /**
   * The status field that keeps the last spec that compiled and was applied, as JSON text: status is
   * written with merge patches, which would merge an object into the previous one and keep removed fields.
   */
  public static final String LAST_APPLIED_SPEC = "lastAppliedSpec";

  /** The status field that keeps that spec's generation. */
  public static final String LAST_APPLIED_GENERATION = "lastAppliedGeneration";

  /** The name diagnostics of an object carry as their file. */
  public static String sourceName(ObjectKey key) {
    return key + ".json";
  }

  /** The object a diagnostic's file names, if it names one. */
  public static java.util.Optional<ObjectKey> keyOf(String file) {
    return file.endsWith(".json") ? ObjectKey.parse(file.substring(0, file.length() - 5)) : java.util.Optional.empty();
  }
}
