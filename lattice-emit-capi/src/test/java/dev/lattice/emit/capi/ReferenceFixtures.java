package dev.lattice.emit.capi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reference system's cluster fixtures, with a {@code CloudProvider} added for the {@code
 * InfraProvider} they use (same name and type; its {@code credentials.id} as the Secret name), or —
 * for the workload fixtures, which use the management fixture's — one named after {@code providerRef}.
 */
final class ReferenceFixtures {
  private static final Pattern INFRA = Pattern.compile(
      "kind: InfraProvider\\s*\\nmetadata:\\s*\\n\\s+name: (\\S+)[\\s\\S]*?\\n\\s+type: (\\S+)(?:\\s*\\n\\s+region: \\S+)?(\\s*\\n\\s+credentials:\\s*\\n\\s+id: (\\S+))?");

  private static final Pattern PROVIDER_REF = Pattern.compile("providerRef: (\\S+)");

  private ReferenceFixtures() {}

  static Path dir() {
    return SchemaValidator.shared("the reference system's cluster fixtures").resolve("reference/lattice/crates/lattice-cli/tests/e2e/fixtures/clusters");
  }

  /** Every fixture by file name, each with its CloudProvider appended. */
  static Map<String, String> all() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        out.put(f.getFileName().toString(), withCloudProvider(Files.readString(f, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The fixtures of the providers this version compiles (docker, aws, proxmox). */
  static Map<String, String> compilable() {
    Map<String, String> out = new TreeMap<>(all());
    out.keySet().removeIf(k -> k.startsWith("basis"));
    return out;
  }

  static String withCloudProvider(String text) {
    Matcher m = INFRA.matcher(text);
    if (!m.find()) {
      // a workload fixture uses the management fixture's provider: the same name and type
      Matcher ref = PROVIDER_REF.matcher(text);
      return ref.find() ? text + "\n---\n" + Fixtures.cloudProvider(ref.group(1), ref.group(1), false) : text;
    }
    return text + "\n---\n" + Fixtures.cloudProvider(m.group(1), m.group(2), false)
        + (m.group(4) != null ? "  credentialsSecretRef:\n    name: " + m.group(4) + "\n    namespace: lattice-system\n" : "");
  }
}
