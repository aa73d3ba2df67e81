package dev.lattice.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table of scalars YAML writers get wrong, each written as a value, a key, a list item and deep
 * inside lists of maps: the streaming writer's text must be Jackson's byte for byte, and SnakeYAML
 * must read it back to the same tree.
 */
class StreamingYamlWriterTest {
  static final List<String> TRICKY = List.of(
      "on", "On", "ON", "yes", "Yes", "no", "NO", "off", "y", "Y", "n", "N", "null", "Null", "~", "true", "False",
      "", " ", "1", "-1", "+1", "1.0", ".5", "1.", "1e3", "1E3", "e1000", "0x1F", "0o17", "017", "09", "0b101", "1_000",
      "1:30", "-1:30:00", ".inf", "-.Inf", ".NaN", "+", "-", ".", "8080", "0", "00",
      "*star", "&anchor", "!tag", "|pipe", ">fold", "%percent", "@at", "`tick", "'single", "\"double", "-dash", "- item",
      "?question", "? q", ":colon", ": c", ",comma", "[bracket", "]close", "{brace", "}close", "#hash", "#", "*", "&", "!",
      "|", ">", "%", "@", "`", "'", "\"", "?", ":", ",", "[", "]", "{", "}", "---", "...", "--- x", "-", "--",
      "key: value", "a:b", "a: ", "http://example.com:8080/path", "nginx:1.27", "value #comment", "value#nohash",
      "trailing ", "  leading", " both ", "tab\there", "\tleading tab", "trailing tab\t", "it's", "say \"hi\"",
      "back\\slash", "${resources.db.url}", "{{ .Values.x }}", "[a, b]", "{a: b}", "a, b", "10.0.0.0/8", "*.example.com",
      "line one\nline two", "line one\nline two\n", "trailing blank\n\n", "\n", "\n\n", "\nleading break",
      "  indented first\nsecond\n", "a\n  b\n", "x\n\ny", "space before break \nx", "x\n ", "multi\n\n\nbreaks\n",
      "é", "ünïcødé ✓", "emoji 😀", "中文字符", "日本語\nテキスト\n", "\u00a0nbsp", "zero\u200bwidth", "bom\ufeff",
      "nul\u0000", "bell\u0007", "esc\u001b[0m", "del\u007f", "c1\u0080", "cr\rlf", "vt\u000b", "ff\u000c",
      "é: x", "x # y", "-1e-3", "1,000", "true\n", "null\n");

  @Test
  void everyTrickyScalarIsWrittenAsJacksonWritesIt() {
    List<String> failures = new ArrayList<>();
    for (String s : TRICKY) {
      for (ObjectNode body : List.of(asValues(s), asKeys(s))) {
        check(s, body, failures);
      }
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
    assertThat(fallbacks(TRICKY)).as("no document of the table goes to Jackson").isZero();
  }

  /** How many of the table's documents the streaming writer hands to Jackson. */
  private static long fallbacks(List<String> strings) {
    long[] count = {0};
    for (String s : strings) {
      for (ObjectNode body : List.of(asValues(s), asKeys(s))) {
        StreamingYamlWriter.document(body, b -> {
          count[0]++;
          return JacksonYaml.of(b);
        });
      }
    }
    return count[0];
  }

  /** Adds a failure unless our text of {@code body} is Jackson's and reads back to {@code body}. */
  static void check(String s, ObjectNode body, List<String> failures) {
    String ours = DocumentWriter.toYaml(JacksonYaml.document(body));
    String jackson = JacksonYaml.of(body);
    if (!ours.equals(jackson)) {
      failures.add(quote(s) + ": ours\n" + ours + "jackson\n" + jackson);
    } else if (!JacksonYaml.sameTree(JacksonYaml.parse(ours).get(0), body)) {
      failures.add(quote(s) + ": does not read back\n" + ours);
    }
  }

  @Test
  void structuresAreLaidOutAsJacksonLaysThemOut() {
    ObjectNode body = Json.object();
    body.putObject("empty");
    body.putArray("none");
    body.put("int", 3).put("long", 1L << 40).put("negative", -7).put("yes", true).put("no", false).putNull("nothing");
    var lists = body.putArray("lists");
    lists.addArray().add("a").add("b");
    lists.addArray().addArray().add(1);
    lists.addArray();
    lists.addObject();
    lists.add("multi\nline\n");
    lists.addObject().put("k", "v").put("text", "two\nlines").putArray("inner").addObject().putObject("m").put("deep", "x\n");
    body.putObject("map").putObject("of").putArray("lists").add(1).addObject().putArray("z").addArray();
    assertThat(DocumentWriter.toYaml(JacksonYaml.document(body))).isEqualTo(JacksonYaml.of(body));
    assertThat(JacksonYaml.sameTree(JacksonYaml.parse(DocumentWriter.toYaml(JacksonYaml.document(body))).get(0), body)).isTrue();
  }

  @Test
  void keysThatCannotBeSimpleAreWrittenAsJacksonWritesThem() {
    List<ObjectNode> bodies = new ArrayList<>();
    bodies.add(Json.object().put("", "empty key"));
    bodies.add(Json.object().put("k".repeat(128), "long key"));
    bodies.add(Json.object().put("it's ".repeat(30), "long quoted key"));
    ObjectNode nested = Json.object();
    nested.putArray("multi\nline key").add("a").addObject().put("", "b");
    nested.putObject("").putObject("x".repeat(200)).putArray("l").addArray().add("deep\ntext\n");
    bodies.add(nested);
    for (ObjectNode body : bodies) {
      String ours = StreamingYamlWriter.document(body, b -> {
        throw new AssertionError("left to Jackson");
      });
      assertThat(ours).isEqualTo(JacksonYaml.of(body)).contains("? ");
      assertThat(JacksonYaml.sameTree(JacksonYaml.parse(ours).get(0), body)).isTrue();
    }
    ObjectNode longestSimple = Json.object().put("k".repeat(127), "v");
    assertThat(DocumentWriter.toYaml(JacksonYaml.document(longestSimple))).isEqualTo(JacksonYaml.of(longestSimple))
        .doesNotContain("? ");
  }

  @Test
  void whatTheWriterLeavesToJacksonIsJacksonsText() {
    List<ObjectNode> bodies = new ArrayList<>();
    bodies.add(Json.object().put("v", "lone \ud800 surrogate"));
    bodies.add(Json.object().put("\udc00", "lone low surrogate key"));
    bodies.add(Json.object().put("v", 1.5));
    bodies.add(Json.object().put("v", new java.math.BigDecimal("1.50")));
    bodies.add(Json.object().put("v", new byte[] {1, 2, 3}));
    for (ObjectNode body : bodies) {
      long[] fallbacks = {0};
      String ours = StreamingYamlWriter.document(body, b -> {
        fallbacks[0]++;
        return JacksonYaml.of(b);
      });
      assertThat(ours).isEqualTo(JacksonYaml.of(body));
      assertThat(fallbacks[0]).isEqualTo(1);
    }
  }

  @Test
  void breaksOtherThanNewlineAreDoubleQuotedWhereJacksonWritesThemRawAndLosesThem() {
    for (String s : List.of("next\u0085line", "line\u2028separator", "para\u2029graph", "both\n\u2028", "\u2029")) {
      for (ObjectNode body : List.of(asValues(s), asKeys(s))) {
        String ours = DocumentWriter.toYaml(JacksonYaml.document(body));
        assertThat(JacksonYaml.sameTree(JacksonYaml.parse(ours).get(0), body)).as(quote(s) + "\n" + ours).isTrue();
        assertThat(ours).doesNotContain("\u0085", "\u2028", "\u2029");
      }
    }
    ObjectNode lost = Json.object().put("v", "next\u0085line");
    assertThat(JacksonYaml.sameTree(JacksonYaml.parse(JacksonYaml.of(lost)).get(0), lost)).as("Jackson's own text").isFalse();
  }

  @Test
  void aStreamMatchesJacksonsStreamIncludingTheEndOfOpenEndedDocuments() {
    List<ObjectNode> bodies = new ArrayList<>();
    bodies.add(Json.object().put("kept", "blank line at the end\n\n"));
    bodies.add(Json.object().put("plain", "after an open end"));
    bodies.add(Json.object().put("", "empty key, by Jackson").put("kept", "x\n\n"));
    bodies.add(Json.object().put("kept", "\n"));
    bodies.add(Json.object());
    bodies.add(Json.object().put("kept", "not last\n\n").put("last", "closes it"));
    bodies.add(Json.object().put("clip", "end\n"));
    StringWriter out = new StringWriter();
    DocumentWriter.writeYaml(bodies.stream().map(JacksonYaml::document).toList(), out);
    String jackson = JacksonYaml.stream(bodies);
    assertThat(out.toString()).isEqualTo(jackson).contains("\n...\n---");
    List<JsonNode> read = JacksonYaml.parse(out.toString());
    assertThat(read).hasSize(bodies.size());
    for (int i = 0; i < bodies.size(); i++) {
      assertThat(JacksonYaml.sameTree(read.get(i), bodies.get(i))).as("document " + i).isTrue();
    }
  }

  /** {@code s} as a map value, a list item, a value in a list of maps, in a list of lists, deep down. */
  static ObjectNode asValues(String s) {
    ObjectNode body = Json.object();
    body.put("value", s).put("next", "x");
    body.putArray("list").add(s).add("next").addObject().put("k", s).put("j", s);
    body.putArray("lists").addArray().add(s);
    body.putObject("a").putObject("b").putArray("c").add(s).add(s);
    return body;
  }

  /** {@code s} as a key: first and later in a map, in a list item's map. */
  static ObjectNode asKeys(String s) {
    ObjectNode body = Json.object();
    body.put(s, "first");
    body.putObject("keys").put("before", "v").put(s, s);
    body.putArray("list").addObject().put(s, "v").put("\u0001" + s, 1);
    return body;
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return sb.append('"').toString();
  }
}
