package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/** Where the schema of a kind comes from: the bundled resources, or a folder a user names. */
interface SchemaSource {
  /** The raw (upstream) schema of {@code group/version} {@code kind}; group {@code ""} for core. */
  Optional<JsonNode> schema(String group, String version, String kind);

  /** The versions of {@code group} {@code kind} this source has a schema for. */
  Set<String> versions(String group, String kind);
}
