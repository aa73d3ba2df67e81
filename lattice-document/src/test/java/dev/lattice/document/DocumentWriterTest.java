package dev.lattice.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The streaming writers give exactly the text of writing each document on its own, and keep strings strings. */
class DocumentWriterTest {
  private static List<Document> documents() {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int n = i;
      docs.add(Json.document("v1", "ConfigMap", Optional.of("ns-" + i), "cm-" + i, Map.of("app", "x"), body -> {
        ObjectNode data = body.putObject("data");
        data.put("multi", "line one\nline two: yes\n");
        data.put("on", "on");
        data.put("number", "8080");
        data.put("unicode", "ünïcødé ✓ #" + n);
        data.put("star", "*anchor");
        data.putArray("list").add("a").add("b: c").addObject().put("k", "v");
      }));
    }
    docs.add(Json.document("v1", "Namespace", Optional.empty(), "empty", Map.of(), body -> {}));
    return docs;
  }

  @Test
  void yamlStreamIsTheConcatenationOfEachDocument() {
    List<Document> docs = documents();
    StringBuilder expected = new StringBuilder();
    docs.forEach(d -> expected.append(DocumentWriter.toYaml(d)));
    StringWriter out = new StringWriter();
    DocumentWriter.writeYaml(docs, out);
    assertThat(out.toString()).isEqualTo(expected.toString()).startsWith("---\n");
    out.write("still open");
    assertThat(out.toString()).endsWith("still open");
  }

  @Test
  void jsonLinesAreOneCompactObjectPerLine() throws Exception {
    List<Document> docs = documents();
    StringBuilder expected = new StringBuilder();
    for (Document d : docs) {
      expected.append(DocumentWriter.jsonMapper().writeValueAsString(d.json())).append('\n');
    }
    StringWriter out = new StringWriter();
    DocumentWriter.writeJsonLines(docs, out);
    assertThat(out.toString()).isEqualTo(expected.toString());
    assertThat(out.toString().lines()).hasSize(docs.size());
    StringWriter none = new StringWriter();
    DocumentWriter.writeJsonLines(List.of(), none);
    StringWriter noYaml = new StringWriter();
    DocumentWriter.writeYaml(List.of(), noYaml);
    assertThat(none.toString()).isEmpty();
    assertThat(noYaml.toString()).isEmpty();
  }

  @Test
  void stringsThatYaml11ReadsAsOtherTypesAreQuoted() {
    ObjectNode body = Json.object();
    List<String> tricky = List.of("e1000", "1e3", "0x1F", "1_000", "1:30", "yes", "off", "y", "~", ".inf", "8080", "");
    for (int i = 0; i < tricky.size(); i++) {
      body.put("k" + i, tricky.get(i));
    }
    body.put("plain", "virtio").put("word", "nginx:1.27").put("number", 3);
    String yaml = DocumentWriter.toYaml(Document.of("v1", "ConfigMap", Optional.empty(), "x", body));
    for (int i = 0; i < tricky.size(); i++) {
      assertThat(yaml).contains("k" + i + ": \"" + tricky.get(i) + "\"");
    }
    assertThat(yaml).contains("plain: virtio").contains("number: 3").contains("word: nginx:1.27");
  }
}
