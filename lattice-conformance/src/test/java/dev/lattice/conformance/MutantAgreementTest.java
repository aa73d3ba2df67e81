package dev.lattice.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both validators agree on broken documents too, not only on our own output: every document of
 * the approved snapshots is mutated at a random place (an unknown field, a removed field, a value
 * of another type, a bad name or label), seeded ({@code -Dlattice.seed}), written as JSON, and both
 * must fail the same documents at the same paths. Runs where {@code ../shared} is present.
 */
class MutantAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void bothValidatorsAgreeOnMutatedDocuments(@TempDir Path dir) throws Exception {
    Path tool = SharedFolder.path("tools/validate-k8s", "the mutant agreement with validate-k8s");
    long seed = Long.getLong("lattice.seed", 20261123L);
    System.out.println("MutantAgreementTest seed " + seed + " (replay with -Dlattice.seed=" + seed + ")");
    Random random = new Random(seed);
    List<JsonNode> docs = snapshotDocuments();
    assertThat(docs).hasSizeGreaterThan(50);
    KubernetesValidator java = KubernetesValidator.bundled();
    Map<String, TreeSet<String>> ours = new TreeMap<>();
    int written = 0;
    for (int i = 0; i < docs.size() && written < 400; i += 1 + random.nextInt(2)) {
      JsonNode mutant = docs.get(i).deepCopy();
      String what = mutate(mutant, random);
      String name = String.format("m%04d.json", written++);
      Files.writeString(dir.resolve(name), JSON.writeValueAsString(mutant));
      FileReport report = java.validate(dir.resolve(name).toString(), JSON.writeValueAsString(mutant));
      for (Violation v : report.violations()) {
        ours.computeIfAbsent(name, k -> new TreeSet<>()).add(v.path());
      }
      ours.computeIfAbsent(name + " (" + what + ")", k -> new TreeSet<>());
    }
    Map<String, TreeSet<String>> theirs = runValidateK8s(tool, dir);
    int disagreements = 0;
    List<String> report = new ArrayList<>();
    for (String key : ours.keySet()) {
      if (key.contains(" (")) {
        continue;
      }
      TreeSet<String> t = theirs.getOrDefault(key, new TreeSet<>());
      if (!t.equals(ours.get(key))) {
        disagreements++;
        report.add(key + ": ours " + ours.get(key) + " theirs " + t);
      }
    }
    for (String key : theirs.keySet()) {
      if (!ours.containsKey(key)) {
        disagreements++;
        report.add(key + ": ours [] theirs " + theirs.get(key));
      }
    }
    long failing = ours.keySet().stream().filter(k -> !k.contains(" (")).count();
    System.out.println("MutantAgreementTest: " + written + " mutants, " + failing + " failing, "
        + disagreements + " disagreements");
    assertThat(failing).as("mutants that fail").isGreaterThan(written / 3);
    assertThat(report).isEmpty();
  }

  private static List<JsonNode> snapshotDocuments() throws IOException {
    Path root = Path.of(System.getProperty("lattice.root", ".."));
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root.resolve("snapshots"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".approved.yaml")).sorted().toList()) {
        for (Manifest m : ManifestReader.read(p.toString(), Files.readString(p))) {
          m.content().filter(JsonNode::isObject).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /** Mutates one random place of {@code doc}; says what it did. */
  static String mutate(JsonNode doc, Random random) {
    List<String> objects = new ArrayList<>();
    collect(doc, "", objects);
    String at = objects.get(random.nextInt(objects.size()));
    ObjectNode target = (ObjectNode) doc.at(at);
    List<String> fields = new ArrayList<>();
    target.fieldNames().forEachRemaining(fields::add);
    switch (random.nextInt(5)) {
      case 0 -> {
        target.put("bogusField", "x");
        return "unknown field at " + at;
      }
      case 1 -> {
        if (fields.isEmpty()) {
          return "nothing";
        }
        String f = fields.get(random.nextInt(fields.size()));
        target.remove(f);
        return "removed " + at + "/" + f;
      }
      case 2 -> {
        if (fields.isEmpty()) {
          return "nothing";
        }
        String f = fields.get(random.nextInt(fields.size()));
        JsonNode v = target.get(f);
        if (v.isTextual()) {
          target.put(f, 42);
        } else if (v.isNumber()) {
          target.put(f, "forty-two");
        } else if (v.isBoolean()) {
          target.put(f, "yes");
        } else if (v.isArray()) {
          target.put(f, "not-a-list");
        } else {
          target.putArray(f).add(1);
        }
        return "retyped " + at + "/" + f;
      }
      case 3 -> {
        ObjectNode md = doc.path("metadata").isObject() ? (ObjectNode) doc.get("metadata") : null;
        if (md != null) {
          md.put("name", random.nextBoolean() ? "Bad_Name" : "-leading");
        }
        return "bad name";
      }
      default -> {
        ObjectNode md = doc.path("metadata").isObject() ? (ObjectNode) doc.get("metadata") : null;
        if (md != null) {
          ObjectNode labels = md.has("labels") ? (ObjectNode) md.get("labels") : md.putObject("labels");
          labels.put(random.nextBoolean() ? "a/b/c" : "tier", "-bad value");
        }
        return "bad label";
      }
    }
  }

  private static void collect(JsonNode n, String ptr, List<String> out) {
    if (n.isObject()) {
      out.add(ptr);
      n.fields().forEachRemaining(e -> collect(e.getValue(), ptr + "/" + Problems.token(e.getKey()), out));
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        collect(a.get(i), ptr + "/" + i, out);
      }
    }
  }

  private static Map<String, TreeSet<String>> runValidateK8s(Path tool, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(tool.toString(), dir.toString()).start();
    p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    Map<String, TreeSet<String>> failing = new TreeMap<>();
    for (String line : out.split("\n")) {
      int hash = line.indexOf(".json#");
      if (!line.startsWith(dir.toString()) || hash < 0) {
        continue;
      }
      String name = Path.of(line.substring(0, hash + 5)).getFileName().toString();
      String afterHead = line.substring(line.indexOf(": ") + 2);
      failing.computeIfAbsent(name, k -> new TreeSet<>()).add(afterHead.substring(0, afterHead.indexOf(": ")));
    }
    return failing;
  }
}
