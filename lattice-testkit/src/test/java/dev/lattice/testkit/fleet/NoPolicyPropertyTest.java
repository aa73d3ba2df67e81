package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Default deny, as a property: without any CedarPolicy, what the compiler still derives (the
 * services that asked for nothing a gate protects) grants nothing a gate protects — no secret, no
 * capability, no image by tag, no external endpoint — and every service that asked is denied.
 */
class NoPolicyPropertyTest {
  private static final int FLEETS = 15;

  @Test
  void withoutPoliciesNothingGatedIsEmitted() {
    long base = Seeds.base();
    int denied = 0;
    int compiled = 0;
    for (int i = 0; i < FLEETS; i++) {
      long seed = Seeds.of(base, i);
      Fleet fleet = FleetGenerator.generate(seed, FleetShape.small());
      Map<String, String> files = new LinkedHashMap<>(fleet.files());
      files.remove("fleet/policies.yaml");
      Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(files));
      String context = "seed " + seed + " (replay: -Dlattice.seed=" + base + ", fleet " + i + ")";
      assertThat(c.documents()).as(context + ": denials leave no complete output").isEmpty();
      List<Document> partial = c.partialDocuments();
      String yaml = DocumentWriter.toYaml(partial);
      assertThat(partial).as(context).noneMatch(d -> d.kind().equals("ExternalSecret") || d.kind().equals("ServiceEntry"));
      assertThat(yaml).as(context).doesNotContain("secretKeyRef").doesNotContain("NET_ADMIN").doesNotContain("toFQDNs")
          .doesNotContain(".example.com:1.0");
      long deployments = partial.stream().filter(d -> d.kind().equals("Deployment")).count();
      assertThat(partial.stream().filter(d -> d.kind().equals("Deployment")))
          .as(context).allMatch(d -> d.json().at("/spec/template/spec/containers/0/image").asText().contains("@sha256:"));
      denied += (int) c.diagnostics().stream().filter(d -> d.code().equals("LAT3003")).count();
      compiled += (int) deployments;
    }
    assertThat(compiled).as("some services ask for nothing gated and still compile").isPositive();
    System.out.println("no-policy property: " + FLEETS + " fleets, " + denied + " gate questions denied, "
        + compiled + " ungated services still derived, base seed " + base);
  }
}
