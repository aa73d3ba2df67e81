package dev.lattice.emit.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inputs whose derived names meet get a positioned error, never a crash. */
class NameCollisionTest {
  @Test
  void namesOfInputsThatMeetAreAPositionedErrorNotACrash() {
    String yaml = """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: api, namespace: ns}
        spec:
          workload:
            containers:
              main:
                image: "img@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                variables: {DSN: "x${secret.main-secret-env.k}"}
            resources:
              main-secret-env: {type: secret, params: {provider: v, keys: [k]}}
        """;
    var policy = "apiVersion: lattice.dev/v1alpha1\nkind: CedarPolicy\nmetadata: {name: p, namespace: ns}\nspec:\n"
        + "  policies: 'permit(principal, action, resource);'\n";
    Compilation c = LatticeCompiler.builder().emitters(new KubernetesEmitter()).build().compile(Sources.fromStrings(Map.of("api.yaml", yaml, "p.yaml", policy)));
    assertThat(c.documents()).isEmpty();
    assertThat(c.diagnostics()).filteredOn(d -> d.code().equals("LAT2012")).singleElement()
        .satisfies(d -> assertThat(d.position().file()).isEqualTo("api.yaml"));
  }
}
