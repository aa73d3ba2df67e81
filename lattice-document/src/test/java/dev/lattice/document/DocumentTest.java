package dev.lattice.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A document is frozen when it is made: nothing done to its draft, its Jackson copies or its changed copies reaches it. */
class DocumentTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final long SEED = Long.getLong("lattice.seed", 20261204L);

  @Test
  void changingTheDraftAfterwardsDoesNotChangeTheDocument() {
    ObjectNode draft = Json.skeleton("v1", "ConfigMap", Optional.of("shop"), "web", Map.of("a", "b"), Map.of());
    draft.putObject("data").put("k", "v");
    Document d = Document.of("v1", "ConfigMap", Optional.of("shop"), "web", draft);
    String before = DocumentWriter.toYaml(d);

    draft.with("data").put("k", "changed");
    draft.remove("metadata");
    d.json().with("data").put("k", "changed too");

    assertThat(DocumentWriter.toYaml(d)).isEqualTo(before);
    assertThat(d.text("data", "k")).contains("v");
    assertThat(d.text("metadata", "labels", "a")).contains("b");
    assertThat(d.text("metadata", "missing")).isEmpty();
    assertThat(d.text("data")).as("a mapping has no text").isEmpty();
  }

  @Test
  void withGivesAChangedCopyAndLeavesTheOriginal() {
    Document d = Json.document("v1", "ConfigMap", Optional.of("shop"), "web", Map.of(), b -> b.putObject("data").put("k", "v"));
    Document changed = d.with(b -> b.with("data").put("k", "w"));

    assertThat(d.text("data", "k")).contains("v");
    assertThat(changed.text("data", "k")).contains("w");
    assertThat(changed.id()).isEqualTo(d.id());
    assertThat(changed).isNotEqualTo(d);
    assertThat(d.with(b -> {})).isEqualTo(d).hasSameHashCodeAs(d);
  }

  /** Seeded random trees: the frozen copy reads back as the tree, and Jackson writes it with the same text, YAML and JSON. */
  @Test
  void aFrozenTreeIsTheTreeItWasMadeFrom() throws Exception {
    Random random = new Random(SEED);
    ObjectMapper yaml = DocumentWriter.yamlMapper();
    ObjectMapper json = DocumentWriter.jsonMapper();
    for (int i = 0; i < 300; i++) {
      ObjectNode tree = object(random, 0);
      Value frozen = Value.of(tree);
      String context = "seed " + SEED + " (replay with -Dlattice.seed=" + SEED + "), tree " + i;
      assertThat(frozen.toJson()).as(context).isEqualTo(tree);
      assertThat(yaml.writeValueAsString(frozen)).as(context).isEqualTo(yaml.writeValueAsString(tree));
      assertThat(json.writeValueAsString(frozen)).as(context).isEqualTo(json.writeValueAsString(tree));
      assertThat(frozen).as(context).isEqualTo(Value.of(tree.deepCopy())).hasSameHashCodeAs(Value.of(tree.deepCopy()));
    }
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode o = F.objectNode();
    int size = depth > 3 ? 0 : random.nextInt(5);
    for (int i = 0; i < size; i++) {
      o.set("k" + random.nextInt(20), value(random, depth + 1));
    }
    return o;
  }

  private static JsonNode value(Random random, int depth) {
    return switch (random.nextInt(8)) {
      case 0 -> object(random, depth);
      case 1 -> {
        ArrayNode a = F.arrayNode();
        for (int i = depth > 3 ? 0 : random.nextInt(4); i > 0; i--) {
          a.add(value(random, depth + 1));
        }
        yield a;
      }
      case 2 -> F.numberNode(random.nextInt());
      case 3 -> F.numberNode(random.nextLong());
      case 4 -> F.booleanNode(random.nextBoolean());
      case 5 -> F.nullNode();
      case 6 -> F.numberNode(random.nextDouble());
      default -> F.textNode(random.nextBoolean() ? "text " + random.nextInt(100) : "line\nbreak");
    };
  }
}
