package dev.lattice.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Over seeded random documents whose keys and values are built from YAML's troublemakers
 * (indicators, quotes, blanks, breaks, YAML 1.1 words and numbers, control characters, non-ASCII):
 * the streaming writer's text is Jackson's, one document at a time and as one stream, and SnakeYAML
 * reads it back to the same trees. Seed from {@code -Dlattice.seed}, printed on failure.
 */
class YamlStringPropertyTest {
  private static final int DOCUMENTS = 400;
  private static final String[] WORD_STARTS = {"y", "Y", "n", "N", "yes", "No", "on", "Off", "true", "False", "null", "e", "E",
      "e1", "E5", "0x", "1", "_", ".", "-", "/"};
  private static final String[] PIECES = {
      " ", "  ", "\t", "\n", "\n\n", ":", ": ", " #", "#", "-", "- ", "?", "'", "\"", "\\", "|", ">", "*", "&", "!", "%",
      "@", "`", ",", "[", "]", "{", "}", "---", "...", "yes", "no", "on", "Off", "y", "null", "~", "true", "1", "0", "07",
      "0x1F", "1e3", "1_0", "1:30", ".inf", ".", "+", "a", "b", "word", "é", "😀", "中", "\u0000", "\u0007", "\u001b",
      "\r", "\u007f", "\u0085", "\u00a0", "\u2028", "\ufeff", "\ud800", "\udfff"};

  @Test
  void randomStringsAreWrittenAsJacksonWritesThemAndReadBack() {
    long seed = Long.getLong("lattice.seed", 20261123L);
    Random random = new Random(seed);
    List<ObjectNode> bodies = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      ObjectNode body = Json.object();
      fill(body, random, 0);
      bodies.add(body);
      String context = "seed " + seed + " (replay: -Dlattice.seed=" + seed + "), document " + i;
      String ours = DocumentWriter.toYaml(JacksonYaml.document(body));
      if (!hasOtherBreaks(body)) { // those the writer double-quotes on purpose, unlike Jackson
        assertThat(ours).as(context).isEqualTo(JacksonYaml.of(body));
      }
      if (readsBack(body)) {
        JsonNode read = JacksonYaml.parse(ours).get(0);
        assertThat(JacksonYaml.sameTree(read, body)).as(context + "\n" + ours + "\nread " + StreamingYamlWriterTest.quote(read.toString()) + "\nwrote " + StreamingYamlWriterTest.quote(body.toString())).isTrue();
      }
    }
    List<ObjectNode> comparable = bodies.stream().filter(b -> !hasOtherBreaks(b)).toList();
    StringWriter stream = new StringWriter();
    DocumentWriter.writeYaml(comparable.stream().map(JacksonYaml::document).toList(), stream);
    assertThat(stream.toString()).as("the stream, seed " + seed).isEqualTo(JacksonYaml.stream(comparable));
    assertThat(comparable.size()).as("most documents are compared with Jackson").isGreaterThan(DOCUMENTS / 2);
    System.out.println("yaml string property: " + DOCUMENTS + " documents, seed " + seed);
  }

  @Test
  void wordsTheWriterTakesForPlainWithoutAnalysisAreWrittenAsJacksonWritesThem() {
    long seed = Long.getLong("lattice.seed", 20261123L);
    Random random = new Random(seed);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-";
    int plainWords = 0;
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder(random.nextInt(3) == 0 ? WORD_STARTS[random.nextInt(WORD_STARTS.length)] : "");
      int length = random.nextInt(10) == 0 ? 120 + random.nextInt(16) : random.nextInt(8);
      for (int k = 0; k < length; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String word = sb.length() == 0 ? "w" : sb.toString();
      plainWords += StreamingYamlWriter.isPlainWord(word) ? 1 : 0;
      ObjectNode body = Json.object().put(word, word);
      body.putArray("l").add(word);
      assertThat(DocumentWriter.toYaml(JacksonYaml.document(body))).as("seed " + seed + ": " + word).isEqualTo(JacksonYaml.of(body));
    }
    assertThat(plainWords).as("the shortcut is taken often").isGreaterThan(500).isLessThan(2000);
  }

  private static void fill(ObjectNode map, Random random, int depth) {
    int size = 1 + random.nextInt(4);
    for (int i = 0; i < size; i++) {
      String key = random.nextInt(4) == 0 ? "k" + i : nasty(random);
      switch (random.nextInt(depth < 3 ? 6 : 3)) {
        case 0, 1, 2 -> map.put(key, nasty(random));
        case 3 -> fill(map.putObject(key), random, depth + 1);
        case 4 -> fill(map.putArray(key), random, depth + 1);
        default -> map.put(key, random.nextInt(3) == 0 ? null : random.nextInt(1000) - 500);
      }
    }
  }

  private static void fill(ArrayNode list, Random random, int depth) {
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      switch (random.nextInt(depth < 3 ? 5 : 2)) {
        case 0, 1 -> list.add(nasty(random));
        case 2 -> fill(list.addObject(), random, depth + 1);
        case 3 -> fill(list.addArray(), random, depth + 1);
        default -> list.add(random.nextBoolean());
      }
    }
  }

  /** Zero to six pieces, so empty strings, single indicators and combinations all come up. */
  private static String nasty(Random random) {
    StringBuilder sb = new StringBuilder();
    int pieces = random.nextInt(7);
    for (int i = 0; i < pieces; i++) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  /** Whether SnakeYAML can read back what any writer gives for this tree: not with unpaired surrogates. */
  private static boolean readsBack(JsonNode node) {
    List<String> texts = new ArrayList<>();
    collect(node, texts);
    return texts.stream().noneMatch(YamlStringPropertyTest::hasUnpairedSurrogate);
  }

  private static boolean hasOtherBreaks(JsonNode node) {
    List<String> texts = new ArrayList<>();
    collect(node, texts);
    return texts.stream().anyMatch(s -> s.chars().anyMatch(c -> c == 0x85 || c == 0x2028 || c == 0x2029));
  }

  private static boolean hasUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(JsonNode node, List<String> texts) {
    node.properties().forEach(e -> {
      texts.add(e.getKey());
      collect(e.getValue(), texts);
    });
    node.forEach(child -> collect(child, texts));
    if (node.isTextual()) {
      texts.add(node.textValue());
    }
  }
}
