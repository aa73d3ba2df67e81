package dev.lattice.compiler.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A syntax error in the middle of annotated, commented policies points at the broken policy. */
class SyntaxErrorPositionTest {

  @Test
  void theBrokenPolicyIsFoundBetweenAnnotatedOnes() {
    String yaml = """
        apiVersion: lattice.dev/v1alpha1
        kind: CedarPolicy
        metadata: {name: q, namespace: lattice-system}
        spec:
          policies: |
            // first
            @id("a")
            permit(principal, action == Lattice::Action::"SkipImageVerification", resource);

            // second is broken: a set is not allowed in the resource scope
            @id("b")
            permit(
              principal,
              action == Lattice::Action::"AccessSecret",
              resource in [Lattice::SecretPath::"a", Lattice::SecretPath::"b"]
            );

            // third; with a "quoted ; semicolon" in a comment
            @id("c")
            permit(principal, action, resource);
        """;
    var c = LatticeCompiler.builder().build().validate(Sources.fromStrings(Map.of("q.yaml", yaml)));
    assertThat(c.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("LAT3001");
      assertThat(d.position().line()).isEqualTo(15);
      assertThat(d.position().column()).isEqualTo(19);
      assertThat(d.message()).contains("single entity uid");
    });
  }
}
