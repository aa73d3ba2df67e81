package dev.lattice.compiler.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The writer keeps every string a string for YAML 1.1 readers, and writes deterministic streams. */
class DocumentWriterTest {

  @Test
  void stringsThatYaml11ReadsAsOtherTypesAreQuoted() {
    ObjectNode body = Json.object();
    List<String> tricky = List.of("e1000", "1e3", "0x1F", "1_000", "1:30", "yes", "off", "y", "~", ".inf", "8080", "");
    for (int i = 0; i < tricky.size(); i++) {
      body.put("k" + i, tricky.get(i));
    }
    body.put("plain", "virtio").put("word", "nginx:1.27").put("number", 3);
    String yaml = DocumentWriter.toYaml(new Document("v1", "ConfigMap", Optional.empty(), "x", body));
    for (int i = 0; i < tricky.size(); i++) {
      assertThat(yaml).contains("k" + i + ": \"" + tricky.get(i) + "\"");
    }
    assertThat(yaml).contains("plain: virtio").contains("number: 3").contains("word: nginx:1.27");
  }
}
