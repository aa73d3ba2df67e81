package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lattice check} on any Kubernetes YAML, and {@code lattice compile --check}. */
class CheckCommandTest {
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels: {app: web, enabled: yes}
      spec:
        replica: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: nginx:1.27}]
      """;

  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        names: {kind: Widget, plural: widgets}
        scope: Namespaced
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: integer}
      """;

  @Test
  void compiledOutputPasses(@TempDir Path dir) {
    Path out = dir.resolve("out");
    assertThat(CliTest.run("compile", "--out", out.toString(), ProjectPaths.root().resolve("examples/shop").toString()).code())
        .isZero();
    CliTest.Run r = CliTest.run("check", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("ok: ").contains(" passed, 0 failed in ");
  }

  @Test
  void aBrokenManifestFailsWithPositionedDiagnostics(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("deploy.yaml");
    Files.writeString(file, DEPLOYMENT);
    CliTest.Run r = CliTest.run("check", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(file + ":7:3: error LAT6001: apps/v1/Deployment web: unknown field \"replica\"")
        .contains(file + ":5:31: error LAT6001: apps/v1/Deployment web: must be string (got boolean)")
        .contains("hint: quote the value");
    assertThat(r.out()).contains("0 passed, 1 failed in 1 file");
  }

  @Test
  void jsonDiagnosticsCarryCodePathAndPosition(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("deploy.yaml");
    Files.writeString(file, DEPLOYMENT);
    CliTest.Run r = CliTest.run("check", "--diagnostics", "json", file.toString());
    assertThat(r.code()).isEqualTo(1);
    JsonNode diagnostics = new ObjectMapper().readTree(r.err());
    assertThat(diagnostics).hasSize(2);
    assertThat(diagnostics.get(0).get("code").asText()).isEqualTo("LAT6001");
    assertThat(Stream.of(diagnostics.get(0), diagnostics.get(1)).map(d -> d.get("path").asText()))
        .containsExactlyInAnyOrder(".spec", ".metadata.labels.enabled");
    assertThat(diagnostics.get(0).get("line").asInt()).isPositive();
  }

  @Test
  void unknownKindsFailUnlessAllowedAndTeamCrdsAreRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("widget.yaml");
    Files.writeString(file, "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n");
    CliTest.Run unknown = CliTest.run("check", file.toString());
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("error LAT6002").contains("no schema for example.com/v1/Widget");
    CliTest.Run allowed = CliTest.run("check", "--allow-unknown", file.toString());
    assertThat(allowed.code()).isZero();
    assertThat(allowed.err()).contains("warning LAT6002");
    assertThat(allowed.out()).contains("1 skipped (unknown kinds)");

    Path crds = Files.createDirectories(dir.resolve("crds"));
    Files.writeString(crds.resolve("widget-crd.yaml"), CRD);
    assertThat(CliTest.run("check", "--schemas", crds.toString(), file.toString()).code()).isZero();
    Files.writeString(file, "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: big}\n");
    CliTest.Run bad = CliTest.run("check", "--schemas", crds.toString(), file.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains(":4:14: error LAT6001: example.com/v1/Widget w: must be integer (got string)");
  }

  @Test
  void usageMistakesExitTwo(@TempDir Path dir) {
    assertThat(CliTest.run("check", dir.resolve("missing.yaml").toString()).code()).isEqualTo(2);
    assertThat(CliTest.run("check", "--schemas", dir.resolve("nope").toString(), dir.toString()).code()).isEqualTo(2);
  }

  @Test
  void compileCheckWritesTheSameOutputWhenEverythingPasses() {
    String shop = ProjectPaths.root().resolve("examples/shop").toString();
    CliTest.Run plain = CliTest.run("compile", shop);
    CliTest.Run checked = CliTest.run("compile", "--check", shop);
    assertThat(checked.code()).as(checked.err()).isZero();
    assertThat(checked.out()).isEqualTo(plain.out());
  }

  @Test
  void compileCheckWritesNothingAndExitsThreeWhenADocumentFails(@TempDir Path dir) throws Exception {
    // a team schema that requires a field Lattice never writes stands in for a bug in an emitter
    Path schemas = Files.createDirectories(dir.resolve("schemas/core/v1"));
    Files.writeString(schemas.resolve("ServiceAccount.json"),
        "{\"definitions\":{},\"type\":\"object\",\"required\":[\"bogus\"],\"properties\":{\"apiVersion\":{\"type\":\"string\"},"
            + "\"kind\":{\"type\":\"string\"},\"metadata\":{\"type\":\"object\"},\"bogus\":{\"type\":\"string\"}}}");
    Path out = dir.resolve("out");
    CliTest.Run r = CliTest.run("compile", "--check", "--schemas", dir.resolve("schemas").toString(), "--out", out.toString(),
        ProjectPaths.root().resolve("examples/shop").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("internal error (this is a bug in Lattice").contains("missing required field \"bogus\"");
    assertThat(out).doesNotExist();
  }
}
