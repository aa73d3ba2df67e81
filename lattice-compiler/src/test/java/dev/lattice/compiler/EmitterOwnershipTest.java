package dev.lattice.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.compiler.spi.Emitter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two documents with one identity are an error naming both emitters (and the service, when inputs caused it). */
class EmitterOwnershipTest {
  record Fixed(String name, List<String> names) implements Emitter {
    @Override
    public List<dev.lattice.compiler.spi.EmittedKind> kinds() {
      return List.of(dev.lattice.compiler.spi.EmittedKind.namespaced("v1", "ConfigMap", "configmaps"));
    }

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
  void aDocumentEmittedTwiceIsAnErrorNamingBothEmittersAndNothingIsOutput() {
    Compilation c = compile(new Fixed("first", List.of("x", "y")), new Fixed("second", List.of("q", "x")));
    assertThat(c.documents()).isEmpty();
    assertThat(c.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("LAT2012");
      assertThat(d.message()).contains("v1 ConfigMap/ns/x").contains("first and second emitters");
    });
    assertThat(compile(new Fixed("only", List.of("x", "x"))).diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("only and only emitters"));
  }

  @Test
  void aDocumentOfAKindItsEmitterDidNotDeclareIsABug() {
    Emitter sneaky = new Emitter() {
      @Override
      public String name() {
        return "sneaky";
      }

      @Override
      public List<dev.lattice.compiler.spi.EmittedKind> kinds() {
        return List.of(); // declares nothing
      }

      @Override
      public List<Document> emit(FleetPlan plan, EmitContext context) {
        return List.of(Json.document("v1", "Secret", Optional.of("ns"), "s", Map.of(), b -> {}));
      }
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> compile(sneaky)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sneaky emitter produced v1 Secret");
  }
}
