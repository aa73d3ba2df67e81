package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schemas bundled in this jar under {@code dev/lattice/conformance/schemas}, listed in its
 * {@code INDEX.tsv} (written by {@code scripts/bundle-schemas} from {@code shared/schemas}; the
 * provenance of every file is in {@code MANIFEST.tsv} beside it).
 */
final class BundledSchemas implements SchemaSource {
  static final String ROOT = "/dev/lattice/conformance/schemas/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, String> resources = new TreeMap<>(); // "group|version|kind" -> resource

  BundledSchemas() {
    try (InputStream in = open("INDEX.tsv");
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t");
        String apiVersion = f[0];
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        resources.put(group + "|" + version + "|" + f[1], f[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled schema index cannot be read", e);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = BundledSchemas.class.getResourceAsStream(ROOT + resource);
    if (in == null) {
      throw new IOException("resource " + ROOT + resource + " is missing from the jar");
    }
    return in;
  }

  /** How many schemas are bundled. */
  int size() {
    return resources.size();
  }

  @Override
  public Optional<JsonNode> schema(String group, String version, String kind) {
    String resource = resources.get(group + "|" + version + "|" + kind);
    if (resource == null) {
      return Optional.empty();
    }
    try (InputStream in = open(resource)) {
      return Optional.of(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled schema " + resource + " cannot be read", e);
    }
  }

  @Override
  public Set<String> versions(String group, String kind) {
    Set<String> out = new TreeSet<>();
    resources.keySet().forEach(k -> {
      String[] f = k.split("\\|", -1);
      if (f[0].equals(group) && f[2].equals(kind)) {
        out.add(f[1]);
      }
    });
    return out;
  }
}
