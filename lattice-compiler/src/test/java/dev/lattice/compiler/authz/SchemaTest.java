package dev.lattice.compiler.authz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped schema declares every gate's action and resource type. */
class SchemaTest {

  @Test
  void schemaDeclaresEveryGate() {
    String text = LatticeSchema.text();
    assertThat(LatticeSchema.get()).isNotNull();
    for (Gate g : Gate.values()) {
      String type = g.resourceType().substring((Gate.NAMESPACE + "::").length());
      assertThat(text).contains("action " + g.cedarAction() + " appliesTo { principal: Service, resource: " + type + " }");
    }
    assertThat(text).contains("entity Service in [Namespace]", "namespace: String", "name: String", "kind: String");
  }
}
