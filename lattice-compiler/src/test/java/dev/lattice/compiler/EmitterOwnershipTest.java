package dev.lattice.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.compiler.document.Document;
import dev.lattice.compiler.document.Json;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.compiler.spi.Emitter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two emitters (or one, twice) emitting one document identity is a programming error naming both. */
class EmitterOwnershipTest {
  record Fixed(String name, List<String> names) implements Emitter {
    @Override
    public List<Document> emit(FleetPlan plan, EmitContext context) {
      return names.stream().map(n -> Json.document("v1", "ConfigMap", Optional.of("ns"), n, Map.of(), b -> {})).toList();
    }
  }

  private static Compilation compile(Emitter... emitters) {
    return LatticeCompiler.builder().emitters(emitters).build().compile(Sources.of(List.of()));
  }

  @Test
  void distinctDocumentsAreSortedAcrossEmitters() {
    Compilation c = compile(new Fixed("b", List.of("z", "a")), new Fixed("a", List.of("m")));
    assertThat(c.documents()).extracting(Document::name).containsExactly("a", "m", "z");
  }

  @Test
  void aDocumentEmittedTwiceNamesBothEmitters() {
    assertThatThrownBy(() -> compile(new Fixed("first", List.of("x", "y")), new Fixed("second", List.of("q", "x"))))
        .isInstanceOf(IllegalStateException.class).hasMessage("emitters first and second both emit v1 ConfigMap/ns/x");
    assertThatThrownBy(() -> compile(new Fixed("only", List.of("x", "x"))))
        .hasMessage("emitters only and only both emit v1 ConfigMap/ns/x");
  }
}
