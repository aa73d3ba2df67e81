package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Schemas from a folder a user names ({@code lattice check --schemas DIR}): either the bundled
 * layout ({@code <group|core>/<version>/<Kind>.json}, as in {@code shared/schemas}) or
 * CustomResourceDefinition manifests anywhere under it ({@code *.yaml|*.yml|*.json}), whose
 * served versions' {@code openAPIV3Schema} are used — a team's own CRDs as they apply them.
 */
final class DirectorySchemas implements SchemaSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path root;
  private final Map<String, JsonNode> crds = new HashMap<>(); // "group|version|kind" -> schema

  DirectorySchemas(Path root) {
    this.root = root;
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("schema folder " + root + " does not exist or is not a folder");
    }
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> manifests = files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("(?i).*\\.(ya?ml|json)"))
          .sorted().toList();
      for (Path p : manifests) {
        readCrds(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema folder " + root, e);
    }
  }

  private void readCrds(Path p) throws IOException {
    String text = Files.readString(p);
    if (!text.contains("CustomResourceDefinition")) {
      return;
    }
    for (Manifest m : ManifestReader.read(p.toString(), text)) {
      JsonNode crd = m.content().orElse(null);
      if (crd == null || !"CustomResourceDefinition".equals(crd.path("kind").asText())) {
        continue;
      }
      JsonNode spec = crd.path("spec");
      String group = spec.path("group").asText();
      String kind = spec.path("names").path("kind").asText();
      for (JsonNode v : spec.path("versions")) {
        JsonNode schema = v.path("schema").path("openAPIV3Schema");
        if (v.path("served").asBoolean(true) && schema.isObject()) {
          crds.put(group + "|" + v.path("name").asText() + "|" + kind, schema);
        }
      }
    }
  }

  @Override
  public Optional<JsonNode> schema(String group, String version, String kind) {
    JsonNode crd = crds.get(group + "|" + version + "|" + kind);
    if (crd != null) {
      return Optional.of(crd);
    }
    Path file = root.resolve(group.isEmpty() ? "core" : group).resolve(version).resolve(kind + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("the schema " + file + " cannot be read", e);
    }
  }

  @Override
  public Set<String> versions(String group, String kind) {
    Set<String> out = new TreeSet<>();
    crds.keySet().forEach(k -> {
      String[] f = k.split("\\|", -1);
      if (f[0].equals(group) && f[2].equals(kind)) {
        out.add(f[1]);
      }
    });
    Path dir = root.resolve(group.isEmpty() ? "core" : group);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> versions = Files.list(dir)) {
        versions.filter(v -> Files.isRegularFile(v.resolve(kind + ".json")))
            .forEach(v -> out.add(v.getFileName().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    return out;
  }
}
