package dev.lattice.emit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.document.DocumentWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static final List<String> FILES =
      List.of("api.yaml", "web.yaml", "db.yaml", "nas.yaml", "payments.yaml", "ledger.yaml", "billing.yaml");

  @Test
  void sameInputSameBytes() {
    String first = DocumentWriter.toYaml(Fleets.compile(Fleets.shop()).documents());
    String second = DocumentWriter.toYaml(Fleets.compile(Fleets.shop()).documents());
    assertThat(second).isEqualTo(first);
  }

  @Test
  void inputOrderDoesNotMatter() {
    String expected = DocumentWriter.toYaml(Fleets.compile(Fleets.shop()).documents());
    long seed = Long.getLong("lattice.seed", 20261123L);
    Random random = new Random(seed);
    for (int i = 0; i < 10; i++) {
      List<String> order = new ArrayList<>(FILES);
      Collections.shuffle(order, random);
      assertThat(DocumentWriter.toYaml(Fleets.compile(Fleets.shop(order)).documents()))
          .as("order %s (seed %d)", order, seed).isEqualTo(expected);
    }
    List<String> reversed = new ArrayList<>(FILES);
    Collections.reverse(reversed);
    Map<String, String> texts = Fleets.shop(reversed);
    String oneStream = String.join("---\n", texts.values());
    assertThat(DocumentWriter.toYaml(Fleets.compile(Map.of("all.yaml", oneStream)).documents())).isEqualTo(expected);
  }
}
