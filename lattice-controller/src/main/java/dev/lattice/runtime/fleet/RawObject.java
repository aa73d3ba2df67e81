package dev.lattice.runtime.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A Lattice custom resource as the informer cache holds it, independent of the client library:
 * its key, generation, whether it is being deleted, and its JSON (including status).
 */
public record RawObject(ObjectKey key, long generation, boolean deleting, ObjectNode json) {

  /** The status the object has now, or an empty object. */
  public JsonNode status() {
    return json.path("status");
  }

  public Optional<String> uid() {
    return Optional.ofNullable(json.path("metadata").path("uid").textValue());
  }
}
