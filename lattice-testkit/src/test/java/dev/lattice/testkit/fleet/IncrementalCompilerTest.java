package dev.lattice.testkit.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.incremental.IncrementalCompiler;
import dev.lattice.compiler.LatticeCompiler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which way {@link IncrementalCompiler} goes, and why, on small hand-written fleets. */
class IncrementalCompilerTest {
  private static final LatticeCompiler COMPILER = LatticeCompiler.builder().build();

  private static String service(String name, String resources) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: %s, namespace: shop}
        spec:
          workload:
            containers:
              main: {image: "registry.example.com/%s@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
            service:
              ports:
                http: {port: 80, targetPort: 8080}
            resources:
        %s
        """.formatted(name, name, resources.indent(6).stripTrailing());
  }

  private static ParsedFiles fleet() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("policy.yaml", FleetGenerator.POLICY);
    files.put("a.yaml", service("a", "b: {type: service, direction: outbound}"));
    files.put("b.yaml", service("b", "a: {type: service, direction: inbound}\nc: {type: service, direction: outbound}"));
    files.put("c.yaml", service("c", "b: {type: service, direction: inbound}"));
    files.put("d.yaml", service("d", "{}"));
    return ParsedFiles.of(files);
  }

  private static Compilation full(ParsedFiles files) {
    return COMPILER.compile(files.sources());
  }

  @Test
  void theFirstCompileIsFullAndAnUnchangedInputIsTheKeptOutput() {
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles files = fleet();
    Compilation first = inc.compile(files.sources());
    assertThat(first.hasErrors()).as(first.diagnostics().toString()).isFalse();
    assertThat(inc.lastRecompile().incremental()).isFalse();
    assertThat(inc.lastRecompile().reason()).isEqualTo("no earlier compilation without errors");
    Compilation again = inc.compile(fleet().sources()); // every file read anew: equal objects
    assertThat(inc.lastRecompile().reason()).isEqualTo("nothing changed");
    assertThat(again.toYaml()).isEqualTo(first.toYaml());
  }

  @Test
  void aChangedAgreementDerivesOnlyItsNeighbourhood() {
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles files = fleet();
    inc.compile(files.sources());
    ParsedFiles edited = files.with("c.yaml", service("c", "b: {type: service, direction: outbound}"));
    Compilation got = inc.compile(edited.sources());
    assertThat(inc.lastRecompile().incremental()).as(inc.lastRecompile().toString()).isTrue();
    assertThat(inc.lastRecompile().changedObjects()).isEqualTo(1);
    assertThat(inc.lastRecompile().affected()).isEqualTo(2); // c and b
    assertThat(got.toYaml()).isEqualTo(full(edited).toYaml());
    assertThat(got.diagnostics()).isEqualTo(full(edited).diagnostics());
    assertThat(got.plan()).isEmpty();
  }

  @Test
  void aPolicyChangeCompilesEverything() {
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles files = fleet();
    inc.compile(files.sources());
    ParsedFiles edited = files.with("policy.yaml", FleetGenerator.POLICY.replace("Generated fleets", "These fleets"));
    Compilation got = inc.compile(edited.sources());
    assertThat(inc.lastRecompile().incremental()).isFalse();
    assertThat(inc.lastRecompile().reason()).isEqualTo("a CedarPolicy changed");
    assertThat(got.toYaml()).isEqualTo(full(edited).toYaml());
  }

  @Test
  void aNewNamespaceCompilesEverything() {
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles files = fleet();
    inc.compile(files.sources());
    ParsedFiles edited = files.with("e.yaml", service("e", "a: {type: service, namespace: shop}").replace("namespace: shop}\nspec", "namespace: other}\nspec"));
    Compilation got = inc.compile(edited.sources());
    assertThat(inc.lastRecompile().reason()).isEqualTo("a namespace appears or empties");
    assertThat(got.toYaml()).isEqualTo(full(edited).toYaml());
    assertThat(got.diagnostics()).isEqualTo(full(edited).diagnostics());
  }

  @Test
  void aNamespaceWithIngressRoutesCompilesEverything() {
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles files = fleet();
    inc.compile(files.sources());
    String routed = service("d", "{}") + "  ingress:\n    routes:\n      web: {hosts: [d.example.com]}\n";
    ParsedFiles withRoute = files.with("d.yaml", routed);
    Compilation got = inc.compile(withRoute.sources());
    assertThat(inc.lastRecompile().reason()).startsWith("a namespace with ingress routes changed");
    assertThat(got.toYaml()).isEqualTo(full(withRoute).toYaml()).contains("kind: Gateway");
    // another service of the namespace: the shared Gateway's routes are compiled from all of them
    ParsedFiles edited = withRoute.with("a.yaml", service("a", "b: {type: service, direction: outbound}") + "  ingress:\n    routes:\n"
        + "      web: {hosts: [a.example.com]}\n");
    got = inc.compile(edited.sources());
    assertThat(inc.lastRecompile().incremental()).isFalse();
    assertThat(got.toYaml()).isEqualTo(full(edited).toYaml()).contains("a.example.com", "d.example.com");
  }

  @Test
  void aChangeBesideAKeptIngressRouteCompilesEverything() {
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles withRoute = fleet().with("d.yaml", service("d", "{}") + "  ingress:\n    routes:\n      web: {hosts: [d.example.com]}\n");
    inc.compile(withRoute.sources());
    // a's change declares no route: the kept input's route in its namespace is what refuses it
    ParsedFiles edited = withRoute.with("a.yaml", service("a", "{}"));
    Compilation got = inc.compile(edited.sources());
    assertThat(inc.lastRecompile().reason()).startsWith("a namespace with ingress routes changed");
    assertThat(got.toYaml()).isEqualTo(full(edited).toYaml());
    ParsedFiles unrouted = edited.with("d.yaml", service("d", "{}"));
    inc.compile(unrouted.sources());
    assertThat(inc.lastRecompile().incremental()).isFalse(); // d's route goes
    ParsedFiles again = unrouted.with("a.yaml", service("a", "b: {type: service, direction: outbound}"));
    assertThat(inc.compile(again.sources()).toYaml()).isEqualTo(full(again).toYaml());
    assertThat(inc.lastRecompile().incremental()).as(inc.lastRecompile().toString()).isTrue();
  }

  @Test
  void aReadErrorCompilesEverythingAndItsFixIsIncremental() {
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles files = fleet();
    Compilation clean = inc.compile(files.sources());
    ParsedFiles broken = files.with("broken.yaml", "kind: [unclosed\n");
    Compilation bad = inc.compile(broken.sources());
    assertThat(inc.lastRecompile().reason()).isEqualTo("the input has read errors");
    assertThat(bad.hasErrors()).isTrue();
    assertThat(bad.diagnostics()).isEqualTo(full(broken).diagnostics());
    assertThat(inc.compile(files.sources()).toYaml()).isEqualTo(clean.toYaml());
    assertThat(inc.lastRecompile().reason()).isEqualTo("nothing changed");
  }

  @Test
  void anErrorIsTheFullCompilesAndTheFixIsComparedWithTheLastCleanInput() {
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles files = fleet();
    Compilation clean = inc.compile(files.sources());
    ParsedFiles broken = files.with("a.yaml", service("a", "b: {type: service, direction: outbound}")
        .replace("main: {image:", "main: {variables: {B: \"${resources.b.bogus}\"}, image:"));
    Compilation bad = inc.compile(broken.sources());
    assertThat(bad.hasErrors()).isTrue(); // LAT2007: b has no value 'bogus' (an error only the whole graph finds)
    assertThat(bad.documents()).isEmpty();
    assertThat(bad.diagnostics()).isEqualTo(full(broken).diagnostics());
    assertThat(inc.lastRecompile().reason()).isEqualTo("the change brings an error");
    Compilation fixed = inc.compile(files.sources());
    assertThat(inc.lastRecompile().reason()).isEqualTo("nothing changed");
    assertThat(fixed.toYaml()).isEqualTo(clean.toYaml());
  }

  @Test
  void aRemovedServiceAndACopiedOneAreIncrementalAndEqualToFull() {
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles files = fleet();
    inc.compile(files.sources());
    ParsedFiles removed = files.without("d.yaml"); // removing c would leave b naming nothing: an error, compiled in full
    assertThat(inc.compile(removed.sources()).toYaml()).isEqualTo(full(removed).toYaml());
    assertThat(inc.lastRecompile().incremental()).as(inc.lastRecompile().toString()).isTrue();
    ParsedFiles added = removed.with("c2.yaml", service("c2", "b: {type: service, direction: outbound}"));
    assertThat(inc.compile(added.sources()).toYaml()).isEqualTo(full(added).toYaml());
    assertThat(inc.lastRecompile().incremental()).as(inc.lastRecompile().toString()).isTrue();
  }

  @Test
  void aReadWarningThatMovesWithoutAnyObjectChangingIsReportedWhereItIsNow() {
    String job = "apiVersion: lattice.dev/v1alpha1\nkind: LatticePackage\nmetadata: {name: nightly, namespace: shop}\nspec: {}\n";
    IncrementalCompiler inc = new IncrementalCompiler(COMPILER);
    ParsedFiles files = fleet().with("job.yaml", job);
    Compilation first = inc.compile(files.sources());
    assertThat(first.diagnostics()).anyMatch(d -> d.position().file().equals("job.yaml"));
    ParsedFiles moved = files.with("job.yaml", "# the nightly job\n" + job); // the warning moves one line down
    Compilation got = inc.compile(moved.sources());
    assertThat(inc.lastRecompile().incremental()).isTrue();
    assertThat(got.diagnostics()).isEqualTo(full(moved).diagnostics()).isNotEqualTo(first.diagnostics());
  }
}
