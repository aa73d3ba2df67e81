package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled schema of each kind, made on first use from the first source that has it (a user's
 * folders before the bundled schemas) and kept. Thread-safe.
 */
final class SchemaCatalog {
  private static final String DIALECT = "https://lattice.dev/schemas/kubernetes-openapi";
  private static final Optional<KindSchema> MISSING = Optional.empty();

  private final List<SchemaSource> sources;
  private final boolean strictFields;
  private final GoRegularExpressions patterns = new GoRegularExpressions();
  private final SchemaRegistry registry;
  private final ConcurrentHashMap<String, Optional<KindSchema>> compiled = new ConcurrentHashMap<>();
  private final Schema objectMeta;

  SchemaCatalog(List<SchemaSource> sources, boolean strictFields) {
    this.sources = List.copyOf(sources);
    this.strictFields = strictFields;
    Dialect dialect = Dialect.builder(DIALECT, Dialects.getDraft7())
        .formats(ApiServerFormats.formats())
        .keyword(new ListTypeKeyword())
        .keyword(new NonValidationKeyword("x-kubernetes-int-or-string"))
        .keyword(new NonValidationKeyword("x-kubernetes-preserve-unknown-fields"))
        .keyword(new NonValidationKeyword("x-kubernetes-embedded-resource"))
        .keyword(new NonValidationKeyword("x-kubernetes-list-map-keys"))
        .keyword(new NonValidationKeyword("x-kubernetes-map-type"))
        .keyword(new NonValidationKeyword("nullable"))
        .build();
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .regularExpressionFactory(patterns)
        .pathType(PathType.JSON_POINTER)
        .typeLoose(false)
        .build();
    this.registry = SchemaRegistry.withDefaultDialect(dialect, b -> b.schemaRegistryConfig(config));
    JsonNode meta = raw("_meta", "v1", "ObjectMeta").orElse(null);
    this.objectMeta = meta == null ? null
        : registry.getSchema(SchemaLocation.of("https://lattice.dev/schemas/_meta/v1/ObjectMeta.json"),
            new SchemaTransform(true, strictFields).apply(meta));
  }

  /** ObjectMeta's schema, to check {@code metadata} of custom resources (their schemas say only "object"). */
  Optional<Schema> objectMeta() {
    return Optional.ofNullable(objectMeta);
  }

  /** The patterns no check could be compiled for. */
  Set<String> uncompiledPatterns() {
    return patterns.uncompiled();
  }

  Optional<KindSchema> get(String group, String version, String kind) {
    return compiled.computeIfAbsent(group + "|" + version + "|" + kind, key -> compile(group, version, kind));
  }

  /** The versions of a kind some source has, for the "unknown kind" hint. */
  Set<String> versions(String group, String kind) {
    Set<String> out = new TreeSet<>();
    sources.forEach(s -> out.addAll(s.versions(group, kind)));
    return out;
  }

  private Optional<JsonNode> raw(String group, String version, String kind) {
    for (SchemaSource s : sources) {
      Optional<JsonNode> found = s.schema(group, version, kind);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<KindSchema> compile(String group, String version, String kind) {
    Optional<JsonNode> raw = raw(group, version, kind);
    if (raw.isEmpty()) {
      return MISSING;
    }
    boolean core = raw.get().has("definitions"); // bundled from the Kubernetes OpenAPI spec
    JsonNode transformed = new SchemaTransform(core, strictFields).apply(raw.get());
    if (!core && transformed instanceof ObjectNode root) {
      // apiVersion, kind and metadata are allowed at the root of every custom resource; metadata
      // is checked against ObjectMeta separately (CRD schemas only say "type: object")
      ObjectNode props = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
      props.set("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
      props.set("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
      props.set("metadata", JsonNodeFactory.instance.objectNode());
    }
    String location = "https://lattice.dev/schemas/" + (group.isEmpty() ? "core" : group) + "/" + version + "/"
        + kind + ".json";
    Schema schema = registry.getSchema(SchemaLocation.of(location), transformed);
    return Optional.of(new KindSchema(group, version, kind, core, schema));
  }

  /** A kind's compiled schema; {@code core} when it is a built-in kind. */
  record KindSchema(String group, String version, String kind, boolean core, Schema schema) {}
}
