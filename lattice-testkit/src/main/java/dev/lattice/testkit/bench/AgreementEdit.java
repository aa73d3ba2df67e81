package dev.lattice.testkit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.testkit.fleet.Fleet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service changes one agreement: the callee of an agreed edge withdraws its inbound half
 * ({@code direction: inbound} is removed, {@code both} becomes {@code outbound}), so exactly that
 * edge disappears. Works on the generated files in any of the three input forms.
 */
public final class AgreementEdit {
  private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()).build();

  /** The edited files (same names and order) and the edge that was withdrawn. */
  public record Result(Map<String, String> files, Fleet.Edge withdrawn) {}

  private AgreementEdit() {}

  /**
   * Withdraws the {@code index}-th agreed edge (modulo their number) whose callee is a
   * LatticeService. Throws if the fleet has none: a programming error in a benchmark.
   */
  public static Result withdraw(Fleet fleet, int index) {
    List<Fleet.Edge> candidates = fleet.agreedEdges().stream()
        .filter(e -> e.to().substring(e.to().indexOf('/') + 1).startsWith("svc-")).toList();
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("the fleet has no agreed edge into a LatticeService");
    }
    Fleet.Edge edge = candidates.get(Math.floorMod(index, candidates.size()));
    String[] callee = edge.to().split("/", 2);
    Map<String, String> files = new LinkedHashMap<>(fleet.files());
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (!file.getValue().contains("name: " + callee[1] + "\n")) {
        continue;
      }
      List<String> docs = new ArrayList<>(List.of(file.getValue().split("(?m)^---\n", -1)));
      for (int i = 0; i < docs.size(); i++) {
        Optional<String> edited = edit(docs.get(i), callee[0], callee[1], edge.from());
        if (edited.isPresent()) {
          docs.set(i, edited.get());
          file.setValue(String.join("---\n", docs));
          return new Result(files, edge);
        }
      }
    }
    throw new IllegalStateException("no inbound declaration of " + edge + " found");
  }

  private static Optional<String> edit(String text, String namespace, String name, String caller) {
    try {
      JsonNode doc = YAML.readTree(text);
      if (doc == null || !"LatticeService".equals(doc.path("kind").asText())
          || !name.equals(doc.path("metadata").path("name").asText())
          || !namespace.equals(doc.path("metadata").path("namespace").asText())) {
        return Optional.empty();
      }
      JsonNode spec = doc.path("spec");
      JsonNode resources = spec.has("workload") ? spec.path("workload").path("resources") : spec.path("resources");
      for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> r = it.next();
        String direction = r.getValue().path("direction").asText("outbound");
        if (!target(namespace, r.getKey(), r.getValue()).equals(caller) || direction.equals("outbound")) {
          continue;
        }
        if (direction.equals("both")) {
          ((ObjectNode) r.getValue()).put("direction", "outbound");
        } else {
          it.remove();
        }
        return Optional.of(YAML.writeValueAsString(doc));
      }
      return Optional.empty();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("generated YAML did not parse", e);
    }
  }

  /** The address a resource entry names, as the compiler reads {@code namespace} and {@code id}. */
  private static String target(String selfNamespace, String key, JsonNode r) {
    String id = r.path("id").asText(key);
    String ns = r.path("namespace").asText(selfNamespace);
    if (id.contains("/")) {
      return id;
    }
    return ns + "/" + id;
  }
}
