package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates Kubernetes documents offline against upstream schemas, as strictly as the apiserver
 * with {@code kubectl --validate=strict}: the JSON Schema part by networknt's
 * json-schema-validator over schemas rewritten with Kubernetes semantics ({@link SchemaTransform}),
 * then what the apiserver checks in Go ({@link ApiServerChecks}: names, labels, workload rules).
 * CEL rules ({@code x-kubernetes-validations}) and admission webhooks are not evaluated. The same
 * rules as {@code shared/tools/validate-k8s}, and tests hold the two in agreement.
 *
 * <p>Thread-safe: one instance may validate many files at once.
 */
public final class KubernetesValidator {
  private final SchemaCatalog catalog;
  private final boolean allowUnknownKinds;

  private KubernetesValidator(SchemaCatalog catalog, boolean allowUnknownKinds) {
    this.catalog = catalog;
    this.allowUnknownKinds = allowUnknownKinds;
  }

  /** A validator over the bundled schemas, strict about unknown fields and unknown kinds. */
  public static KubernetesValidator bundled() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Validates every document of one file's text; YAML unless the file name ends in {@code .json}. */
  public FileReport validate(String file, String text) {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    List<Violation> violations = new ArrayList<>();
    for (Manifest m : ManifestReader.read(file, text)) {
      Outcome o = validate(file, m);
      if (o.skipped) {
        skipped++;
      } else if (o.violations.isEmpty()) {
        passed++;
      } else {
        failed++;
      }
      violations.addAll(o.violations);
    }
    return new FileReport(file, passed, failed, skipped, violations);
  }

  /**
   * Validates the manifest files under {@code paths} ({@link ManifestFiles#under}), both cores at
   * once; the report keeps the files' order.
   *
   * @throws java.nio.file.NoSuchFileException when a path does not exist
   */
  public CheckReport validatePaths(List<Path> paths) throws java.io.IOException {
    List<Path> files = ManifestFiles.under(paths);
    return new CheckReport(files.parallelStream().map(this::validateFile).toList());
  }

  private FileReport validateFile(Path file) {
    String text;
    try {
      text = java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      String why = e instanceof java.nio.charset.MalformedInputException ? "the file is not UTF-8 text"
          : "cannot read the file: " + e.getMessage();
      Violation v = new Violation(file.toString(), 0, "-", "-", "-", ".", why, 1, 1, Violation.Type.UNREADABLE);
      return new FileReport(file.toString(), 0, 1, 0, List.of(v));
    }
    return validate(file.toString(), text);
  }

  /** Validates one decoded document (no positions: line and column are 0). */
  public List<Violation> validate(JsonNode document) {
    return validate("-", Manifest.decoded(0, document, Locator.fixed(new Locator.Position(0, 0)))).violations;
  }

  /** Schema patterns Java could not compile, which were therefore not checked. */
  public Set<String> uncheckedPatterns() {
    return catalog.uncompiledPatterns();
  }

  private record Outcome(boolean skipped, List<Violation> violations) {}

  private Outcome validate(String file, Manifest m) {
    List<Violation> out = new ArrayList<>();
    JsonNode doc = m.content().orElse(null);
    String apiVersion = doc != null && doc.path("apiVersion").isTextual() ? doc.get("apiVersion").asText() : "-";
    String kind = doc != null && doc.path("kind").isTextual() ? doc.get("kind").asText() : "-";
    String name = nameOf(doc);
    if (m.error().isPresent()) {
      Locator.Position p = m.locator().find("", null);
      out.add(new Violation(file, m.index(), apiVersion, kind, name, ".", m.error().get(), p.line(), p.column(),
          Violation.Type.UNREADABLE));
      return new Outcome(false, out);
    }
    Problems problems = new Problems();
    Violation.Type type = Violation.Type.INVALID;
    if (!doc.isObject()) {
      problems.add("", "document must be a mapping (got " + Json.typeName(doc) + ")");
      type = Violation.Type.UNREADABLE;
    } else if (apiVersion.equals("-") || apiVersion.isEmpty() || kind.equals("-") || kind.isEmpty()) {
      if (apiVersion.equals("-") || apiVersion.isEmpty()) {
        problems.add("/apiVersion", "Required value: apiVersion must be a non-empty string");
      }
      if (kind.equals("-") || kind.isEmpty()) {
        problems.add("/kind", "Required value: kind must be a non-empty string");
      }
    } else {
      Optional<SchemaCatalog.KindSchema> schema = lookup(apiVersion, kind);
      if (schema.isEmpty()) {
        if (allowUnknownKinds) {
          Locator.Position at = m.locator().find("", null);
          return new Outcome(true, List.of(new Violation(file, m.index(), apiVersion, kind, name, ".",
              "not checked: " + unknownKind(apiVersion, kind), at.line(), at.column(), Violation.Type.SKIPPED)));
        }
        problems.add("", unknownKind(apiVersion, kind));
        type = Violation.Type.UNKNOWN_KIND;
      } else {
        check(Json.dropNulls(doc), schema.get(), problems);
      }
    }
    for (Problems.Problem p : problems.list()) {
      String property = p.message().startsWith("unknown field \"") ? unknownField(p.message()) : null;
      Locator.Position at = m.locator().find(p.pointer(), property);
      out.add(new Violation(file, m.index(), apiVersion, kind, name, Paths.dotted(p.pointer()), p.message(),
          at.line(), at.column(), type));
    }
    return new Outcome(false, out);
  }

  private void check(JsonNode data, SchemaCatalog.KindSchema schema, Problems problems) {
    List<Error> errors = schema.schema().validate(data);
    problems.addAll(ErrorMessages.of(errors, data));
    JsonNode metadata = data.get("metadata");
    if (!schema.core() && metadata != null && catalog.objectMeta().isPresent()) {
      for (Problems.Problem p : ErrorMessages.of(catalog.objectMeta().get().validate(metadata), metadata)) {
        problems.add("/metadata" + p.pointer(), p.message());
      }
    }
    ApiServerChecks.metadata(data, schema.group(), schema.kind(), problems);
    ApiServerChecks.labels(data, schema.group(), schema.kind(), schema.core(), problems);
    if (schema.core()) {
      ApiServerChecks.core(data, schema.group(), schema.kind(), problems);
    }
  }

  private Optional<SchemaCatalog.KindSchema> lookup(String apiVersion, String kind) {
    if (!kind.matches("[A-Za-z0-9]+") || !apiVersion.matches("([a-z0-9.-]+/)?[a-z0-9]+")) {
      return Optional.empty();
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return catalog.get(group, apiVersion.substring(slash + 1), kind);
  }

  private String unknownKind(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    Set<String> versions = kind.matches("[A-Za-z0-9]+") ? catalog.versions(group, kind) : Set.of();
    String hint = versions.isEmpty() ? "" : " (schemas exist for version(s): " + String.join(", ", versions) + ")";
    return "unknown kind: no schema for " + apiVersion + "/" + kind + hint;
  }

  private static String unknownField(String message) {
    String quoted = message.substring("unknown field ".length());
    return quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static String nameOf(JsonNode doc) {
    if (doc == null || !doc.path("metadata").isObject()) {
      return "-";
    }
    JsonNode md = doc.get("metadata");
    String name = md.path("name").asText("");
    if (name.isEmpty()) {
      name = md.path("generateName").asText("");
    }
    return name.isEmpty() ? "-" : name;
  }

  /** Options for a validator. */
  public static final class Builder {
    private final List<SchemaSource> extra = new ArrayList<>();
    private boolean allowUnknownKinds;
    private boolean strictFields = true;

    /**
     * Adds a folder of schemas that wins over the bundled ones: the bundled layout
     * ({@code <group|core>/<version>/<Kind>.json}) or CustomResourceDefinition manifests.
     *
     * @throws IllegalArgumentException when the folder does not exist
     */
    public Builder schemas(Path folder) {
      extra.add(new DirectorySchemas(folder));
      return this;
    }

    /** Skips documents whose kind has no schema instead of failing them. */
    public Builder allowUnknownKinds(boolean allow) {
      this.allowUnknownKinds = allow;
      return this;
    }

    /** Reports fields the schema does not declare (default true, as {@code kubectl --validate=strict}). */
    public Builder strictFields(boolean strict) {
      this.strictFields = strict;
      return this;
    }

    public KubernetesValidator build() {
      List<SchemaSource> sources = new ArrayList<>(extra);
      sources.add(new BundledSchemas());
      return new KubernetesValidator(new SchemaCatalog(sources, strictFields), allowUnknownKinds);
    }
  }
}
