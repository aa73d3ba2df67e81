package dev.lattice.runtime.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.spi.CompilerOptions;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.runtime.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import dev.lattice.conformance.KubernetesValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install artefacts pass the upstream-schema validator. The bundled schemas have no {@code
 * apiextensions.k8s.io} schema, so CRDs go through with {@code --allow-unknown} plus {@link
 * StructuralSchemaCheck}, and the derived schemas are themselves used to validate the examples.
 */
class InstallManifestsTest {

  @Test
  void nonCrdManifestsPassTheUpstreamSchemasStrictly(@TempDir Path dir) throws Exception {
    for (var cell : List.of(java.util.Optional.<CellInstall>empty(), java.util.Optional.of(CellInstall.of("mgmt")),
        java.util.Optional.of(CellInstall.of("mgmt").withServiceType("ClusterIP").withStorage("5Gi", java.util.Optional.of("standard"))))) {
      List<Document> rest = InstallManifests.all("registry.example.com/lattice-controller:1.0", cell).stream()
          .filter(d -> !d.kind().equals("CustomResourceDefinition")).toList();
      Path out = Files.createDirectories(dir.resolve(cell.map(c -> c.serviceType()).orElse("plain")));
      Files.writeString(out.resolve("install.yaml"), InstallManifests.toYaml(rest), StandardCharsets.UTF_8);
      String report = TestPaths.validate(out.toString());
      assertThat(report).contains(rest.size() + " passed, 0 failed");
    }
  }

  @Test
  void crdsPassTheValidatorAndTheStructuralChecks(@TempDir Path dir) throws Exception {
    assertThat(KubernetesValidator.class.getResource("/dev/lattice/conformance/schemas/apiextensions.k8s.io/v1/CustomResourceDefinition.json"))
        .as("no CRD schema upstream").isNull();
    List<Document> crds = InstallManifests.crds();
    assertThat(crds).hasSize(CrdKind.all().size());
    Files.writeString(dir.resolve("crds.yaml"), InstallManifests.toYaml(crds), StandardCharsets.UTF_8);
    assertThat(TestPaths.validate("--allow-unknown", dir.toString())).contains(crds.size() + " passed, 0 failed");
    for (Document crd : crds) {
      assertThat(StructuralSchemaCheck.problems(crd.json())).as(crd.name()).isEmpty();
    }
  }

  /** Files of an example GitOps repository (a folder with {@code .lattice/}): layout, not resources. */
  private static boolean inGitopsRepository(Path p) {
    for (Path d = p.getParent(); d != null && !d.getFileName().toString().equals("examples"); d = d.getParent()) {
      if (Files.isDirectory(d.resolve(".lattice")) || d.getFileName().toString().equals(".lattice")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void examplesValidateAgainstTheDerivedSchemas(@TempDir Path dir) throws Exception {
    Path schemas = dir.resolve("schemas");
    Path meta = schemas.resolve("_meta/v1");
    Files.createDirectories(meta);
    try (var in = KubernetesValidator.class.getResourceAsStream("/dev/lattice/conformance/schemas/_meta/v1/ObjectMeta.json")) {
      Files.copy(in, meta.resolve("ObjectMeta.json"));
    }
    Path lattice = Files.createDirectories(schemas.resolve("lattice.dev/v1alpha1"));
    ObjectMapper json = new ObjectMapper();
    for (CrdKind k : CrdKind.all()) {
      JsonNode schema = CustomResourceDefinitions.schema(k);
      Files.writeString(lattice.resolve(k.kind().wire() + ".json"), json.writeValueAsString(schema));
    }
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    int files = 0;
    try (Stream<Path> walk = Files.walk(TestPaths.root().resolve("examples"))) {
      for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String text = Files.readString(p);
        boolean legacy = new LatticeReader().readString(p.toString(), text).diagnostics().stream()
            .anyMatch(d -> d.code().equals(Codes.FLAT_FORM) || d.code().equals(Codes.SNAKE_CASE_FORM));
        if (p.toString().contains("/invalid/") || legacy || inGitopsRepository(p)) {
          continue; // the served API is the canonical form; the CLI still reads the older forms
        }
        Files.writeString(inputs.resolve(files++ + "-" + p.getFileName()), text);
      }
    }
    assertThat(files).isPositive();
    String report = TestPaths.validate("--schemas", schemas.toString(), "--allow-unknown", inputs.toString());
    assertThat(report).contains(" passed, 0 failed").doesNotContain("skipped");
  }

  @Test
  void theClusterRoleCoversEveryKindTheExamplesCompileTo() {
    java.util.Set<String> missing = new java.util.TreeSet<>();
    int documents = 0;
    for (CompilerOptions.CapiStyle style : CompilerOptions.CapiStyle.values()) {
      LatticeCompiler compiler = LatticeCompiler.builder().capiStyle(style).build();
      for (String example : List.of("shop", "payments", "homelab", "clusters")) {
        Compilation c = compiler.compile(Sources.fromPaths(List.of(TestPaths.root().resolve("examples").resolve(example))));
        assertThat(c.hasErrors()).as(example + " " + c.diagnostics()).isFalse();
        for (Document d : c.documents()) {
          if (ManagedKind.of(d.apiVersion(), d.kind()).isEmpty()) {
            missing.add(d.apiVersion() + " " + d.kind());
          }
          documents++;
        }
      }
    }
    assertThat(missing).as("emitted kinds ManagedKind does not list").isEmpty();
    assertThat(documents).isPositive();
    String role = InstallManifests.toYaml(List.of(Rbac.clusterRole()));
    ManagedKind.ALL.forEach(k -> assertThat(role).contains(k.plural()));
  }
}
