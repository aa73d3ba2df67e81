package dev.lattice.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LatticeResourceClass: a custom resource's outputs come from the class that names its type and
 * class (else the class-less one of its type); params fill {@code ${params.x}}; mistakes in a class
 * are positioned in the class, mistakes of use at the service's placeholder.
 */
class ResourceClassTest {
  static String service(String resource) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: api, namespace: shop}
        spec:
          workload:
            containers:
              main:
                image: "img:1"
                variables: {DB: "${resources.db.url}"}
            resources:
              db: %s
        """.formatted(resource);
  }

  static String resourceClass(String name, String spec) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeResourceClass
        metadata: {name: %s}
        spec:
        %s
        """.formatted(name, spec.indent(2).stripTrailing());
  }

  static List<Diagnostic> errors(String... docs) {
    return PipelineTest.compile(docs).diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  @Test
  void theClassOfTheResourcesTypeAndClassDecidesItsOutputs() {
    assertThat(errors(service("{type: redis, class: large, params: {name: cache}}"),
        resourceClass("redis-large", "type: redis\nclass: large\noutputs: {url: \"redis://${params.name}:6379\"}"))).isEmpty();
  }

  @Test
  void aClassWithoutClassAnswersForEveryClassOfItsTypeThatNoOtherDoes() {
    assertThat(errors(service("{type: redis, class: small}"),
        resourceClass("redis", "type: redis\noutputs: {url: \"redis://cache:6379\"}"))).isEmpty();
  }

  @Test
  void anOutputTheClassDoesNotDeclareNamesTheOnesItDoes() {
    assertThat(errors(service("{type: redis}"), resourceClass("redis", "type: redis\noutputs: {host: cache, port: \"6379\"}")))
        .singleElement().satisfies(d -> {
          assertThat(d.code()).isEqualTo(Codes.UNRESOLVED_PLACEHOLDER);
          assertThat(d.message()).contains("declares no output 'url'");
          assertThat(d.hint().orElseThrow()).isEqualTo("its outputs: host, port");
          assertThat(d.position().line()).isEqualTo(9);
        });
  }

  @Test
  void aParamNeitherTheResourceNorTheClassSetsIsAnErrorAtThePlaceholder() {
    assertThat(errors(service("{type: redis}"), resourceClass("redis", "type: redis\noutputs: {url: \"redis://${params.host}\"}")))
        .singleElement().satisfies(d -> assertThat(d.message()).contains("reads params.host, which resource 'db' does not set"));
  }

  @Test
  void twoClassesForTheSameTypeAndClassConflict() {
    String one = "type: redis\nclass: large\noutputs: {url: a}";
    assertThat(errors(service("{type: redis, class: large}"), resourceClass("a", one), resourceClass("b", one)))
        .singleElement().satisfies(d -> {
          assertThat(d.code()).isEqualTo(Codes.RESOURCE_CLASS_CONFLICT);
          assertThat(d.message()).contains("b and a", "redis/large");
        });
  }

  @Test
  void aClassIsValidatedWithPositions() {
    List<Diagnostic> errors = errors(resourceClass("bad",
        "type: secret\noutputs:\n  url: \"${secret.password}\"\n  host: \"${resources.x.host}\""));
    assertThat(errors).extracting(d -> d.code() + "@" + d.position().line() + " " + d.path()).containsExactlyInAnyOrder(
        Codes.INVALID_VALUE + "@5 spec.type", Codes.PLACEHOLDER + "@7 spec.outputs.url", Codes.PLACEHOLDER + "@8 spec.outputs.host");
  }

  @Test
  void aClassWithoutOutputsIsAnError() {
    assertThat(errors(resourceClass("empty", "type: redis"))).singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo(Codes.MISSING_FIELD));
  }
}
