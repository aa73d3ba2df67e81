package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The original README's examples ({@code ../shared/reference/seed-readme/}), each compiled alone
 * beside a permit-all Cedar policy: warnings only, except the files the README writes incompletely,
 * which fail with one positioned error; {@code validate} agrees with {@code compile}; the cluster
 * documents pass the upstream schemas; and the older and canonical spellings of a cluster compile to
 * the same bytes.
 */
class SeedReadmeTest {
  static final String PERMIT_ALL = """
      apiVersion: lattice.dev/v1alpha1
      kind: CedarPolicy
      metadata:
        name: permit-all
      spec:
        policies: |
          permit(principal, action, resource);
      """;

  /** What the platform declares for api-gateway's {@code db: {type: postgres, class: production}}. */
  static final String POSTGRES_PRODUCTION = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeResourceClass
      metadata:
        name: postgres-production
      spec:
        type: postgres
        class: production
        params: {host: postgres.production.internal, database: app}
        secret: {provider: vault, id: "postgres/production/${params.database}", keys: [username, password], refreshInterval: 15m}
        outputs:
          host: ${params.host}
          port: "5432"
          url: postgres://${secret.username}:${secret.password}@${params.host}:5432/${params.database}
      """;

  /** The same class in the older spelling ({@code lattice.io/v1alpha1}, snake_case). */
  static final String POSTGRES_PRODUCTION_OLDER = POSTGRES_PRODUCTION.replace("lattice.dev", "lattice.io")
      .replace("refreshInterval", "refresh_interval");

  /**
   * What the README leaves out: payment-service has no containers; the Proxmox fragment has no
   * control-plane VIP (kube-vip needs one, DESIGN: one positioned error naming it; no VIP is
   * guessed); api-gateway's {@code ${resources.db.url}} names a postgres resource of class
   * production, and alone (without a {@code LatticeResourceClass} for postgres/production beside
   * it) nothing says what that provides: the error names the type and class and shows how to
   * declare one.
   */
  static final Map<String, Expected> FAILING = Map.of(
      "payment-service.yaml", new Expected(Codes.MISSING_FIELD, 7, 3, "at least one container"),
      "fragment-proxmox.yaml", new Expected(Codes.MISSING_FIELD, 13, 9, "controlPlaneEndpoint"),
      "api-gateway.yaml", new Expected(Codes.UNRESOLVED_PLACEHOLDER, 15, 23, "postgres (class production)"));

  record Expected(String code, int line, int column, String text) {}

  private static Path seed() {
    return ProjectPaths.sharedReference("seed-readme", "SeedReadmeTest (the original README's examples)");
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(seed())) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static Map<String, String> alone(String name, String text) {
    Map<String, String> in = new TreeMap<>();
    in.put(name, text);
    in.put("permit-all.yaml", PERMIT_ALL);
    return in;
  }

  private static List<String> errors(Compilation c) {
    return c.diagnostics().stream().filter(Diagnostic::isError)
        .map(d -> d.code() + "@" + d.position().line() + ":" + d.position().column() + " " + d.path()).toList();
  }

  @Test
  void everyExampleCompilesAloneWithWarningsOnlyOrItsOneError(@TempDir Path out) throws Exception {
    LatticeCompiler compiler = LatticeCompiler.builder().build();
    int clusterDocuments = 0;
    for (Path f : files()) {
      String name = f.getFileName().toString();
      Map<String, String> in = alone(name, Files.readString(f, StandardCharsets.UTF_8));
      Compilation compiled = compiler.compile(Sources.fromStrings(in));
      Compilation validated = compiler.validate(Sources.fromStrings(in));
      String why = name + "\n" + ExampleRun.render(compiled.diagnostics());
      assertThat(errors(validated)).as("validate agrees with compile: " + why).isEqualTo(errors(compiled));
      Expected expected = FAILING.get(name);
      if (expected != null) {
        List<Diagnostic> errs = compiled.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertThat(errs).as(why).hasSize(1);
        Diagnostic d = errs.get(0);
        assertThat(d.code()).as(why).isEqualTo(expected.code());
        assertThat(d.position().line() + ":" + d.position().column()).as(why).isEqualTo(expected.line() + ":" + expected.column());
        assertThat(d.message() + d.hint().orElse("")).as(why).contains(expected.text());
        continue;
      }
      assertThat(compiled.hasErrors()).as(why).isFalse();
      if (in.get(name).contains("kind: LatticeCluster")) {
        Files.writeString(out.resolve(name), compiled.toYaml(), StandardCharsets.UTF_8);
        clusterDocuments += compiled.documents().size();
      }
    }
    assertThat(clusterDocuments).isPositive();
    String report = ConformanceTest.run(out);
    assertThat(report).contains(clusterDocuments + " passed, 0 failed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mgmt-cluster", "prod-aws-cluster", "fragment-aws", "fragment-openstack", "fragment-rke2"})
  void theOlderAndTheCanonicalSpellingCompileToTheSameBytes(String name) throws IOException {
    String older = Files.readString(seed().resolve(name + ".yaml"), StandardCharsets.UTF_8);
    assertSameOutput(name, older, resource(name + ".yaml"));
  }

  @Test
  void aProxmoxClusterInTheOlderFormSizesItsMachinesFromTheProviderBlock() throws IOException {
    assertSameOutput("proxmox", resource("proxmox-older.yaml"), resource("proxmox.yaml"));
  }

  @Test
  void theOlderFormWarnsOnceNamingTheCanonicalSpelling() throws IOException {
    String older = Files.readString(seed().resolve("fragment-aws.yaml"), StandardCharsets.UTF_8);
    Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(alone("f.yaml", older)));
    List<Diagnostic> form = c.diagnostics().stream().filter(d -> d.code().equals(Codes.OLDER_CLUSTER_FORM)).toList();
    assertThat(form).hasSize(1);
    assertThat(form.get(0).hint().orElseThrow()).contains("nodes.controlPlane.replicas", "workerPools.default",
        "aws.control_plane", "aws.load_balancer");
  }

  @Test
  void theCellsGitOpsRepositoryBecomesTheFluxSourceAndKustomizationOfItsBasePath() throws IOException {
    String older = Files.readString(seed().resolve("mgmt-cluster.yaml"), StandardCharsets.UTF_8);
    Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(alone("m.yaml", older)));
    String yaml = c.toYaml();
    assertThat(yaml).contains("kind: GitRepository", "url: ssh://git@github.com/myorg/clusters.git", "branch: main",
        "kind: Kustomization", "path: ./clusters");
    assertThat(c.diagnostics()).filteredOn(d -> d.code().equals(Codes.INVALID_VALUE)).singleElement()
        .satisfies(d -> assertThat(d.position().line()).isEqualTo(23));
  }

  @Test
  void apiGatewayCompilesBesideAResourceClassForPostgresProduction() throws IOException {
    String gateway = Files.readString(seed().resolve("api-gateway.yaml"), StandardCharsets.UTF_8);
    Map<String, String> in = alone("api-gateway.yaml", gateway);
    in.put("postgres-production.yaml", POSTGRES_PRODUCTION);
    LatticeCompiler compiler = LatticeCompiler.builder().build();
    Compilation c = compiler.compile(Sources.fromStrings(in));
    assertThat(c.hasErrors()).as(ExampleRun.render(c.diagnostics())).isFalse();
    assertThat(errors(compiler.validate(Sources.fromStrings(in)))).isEmpty();
    String yaml = c.toYaml();
    assertThat(yaml).contains("name: api-gateway-db", "key: postgres/production/app", "property: password",
        "name: vault", "refreshInterval: 15m",
        "DATABASE_URL: \"postgres://{{ index . \\\"db.username\\\" }}:{{ index . \\\"db.password\\\" }}"
            + "@postgres.production.internal:5432/app\"");
    in.put("postgres-production.yaml", POSTGRES_PRODUCTION_OLDER);
    assertThat(compiler.compile(Sources.fromStrings(in)).toYaml()).as("the older spelling of the class").isEqualTo(yaml);
  }

  @Test
  void withoutAResourceClassTheErrorNamesTypeAndClassAndShowsTheDeclaration() throws IOException {
    String gateway = Files.readString(seed().resolve("api-gateway.yaml"), StandardCharsets.UTF_8);
    Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(alone("api-gateway.yaml", gateway)));
    Diagnostic d = c.diagnostics().stream().filter(Diagnostic::isError).collect(java.util.stream.Collectors.toList()).get(0);
    assertThat(d.code()).isEqualTo(Codes.UNRESOLVED_PLACEHOLDER);
    assertThat(d.message()).contains("postgres (class production)", "no LatticeResourceClass declares postgres class production");
    assertThat(d.hint().orElseThrow()).contains("kind: LatticeResourceClass", "type: postgres", "class: production",
        "outputs:", "url: ");
  }

  private static void assertSameOutput(String name, String older, String canonical) {
    LatticeCompiler compiler = LatticeCompiler.builder().build();
    Compilation a = compiler.compile(Sources.fromStrings(alone("older.yaml", older)));
    Compilation b = compiler.compile(Sources.fromStrings(alone("canonical.yaml", canonical)));
    assertThat(a.hasErrors()).as(name + " older\n" + ExampleRun.render(a.diagnostics())).isFalse();
    assertThat(b.hasErrors()).as(name + " canonical\n" + ExampleRun.render(b.diagnostics())).isFalse();
    assertThat(b.diagnostics()).noneMatch(d -> d.code().equals(Codes.OLDER_CLUSTER_FORM));
    assertThat(a.toYaml()).as(name).isEqualTo(b.toYaml());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SeedReadmeTest.class.getResourceAsStream("/seed-canonical/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
