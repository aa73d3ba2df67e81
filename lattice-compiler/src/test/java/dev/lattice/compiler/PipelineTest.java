package dev.lattice.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.plan.TemplateText;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph and placeholder stages: agreements, the diagnostics of LAT2xxx, resolved values. */
class PipelineTest {

  static String service(String ns, String name, String resources) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: %s, namespace: %s}
        spec:
          workload:
            containers: {main: {image: "img/%s:1"}}
            service: {ports: {http: {port: 80, targetPort: 8080}}}
            resources:
        %s
        """.formatted(name, ns, name, resources.indent(6));
  }

  static Compilation compile(String... docs) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < docs.length; i++) {
      files.put("f" + i + ".yaml", docs[i]);
    }
    return LatticeCompiler.builder().emitters(List.of()).authorizer(dev.lattice.compiler.stage.Authorizer.ALLOW_ALL).build().compile(Sources.fromStrings(files));
  }

  static List<String> codes(Compilation c, Severity s) {
    return c.diagnostics().stream().filter(d -> d.severity() == s).map(Diagnostic::code).toList();
  }

  @Test
  void bothHalvesMakeAnEdgeInAnySpelling() {
    Compilation c = compile(
        service("a", "caller", "callee: {namespace: b}\nother: {id: b/callee2}"),
        service("b", "callee", "caller: {namespace: a, direction: inbound}"),
        service("b", "callee2", "x: {id: a/caller, direction: both}"));
    FleetPlan plan = c.plan().orElseThrow();
    assertThat(plan.edges()).extracting(e -> e.caller() + ">" + e.callee())
        .containsExactly("a/caller>b/callee", "a/caller>b/callee2");
    assertThat(codes(c, Severity.WARNING)).containsExactly("LAT2003"); // callee2 declares 'both' but caller does not accept
  }

  @Test
  void oneSidedDeclarationsAreWarningsNamingTheMissingHalf() {
    Compilation c = compile(service("a", "x", "y: {}"), service("a", "y", "z: {direction: inbound}"), service("a", "z", "w: {type: secret}"));
    assertThat(c.plan().orElseThrow().edges()).isEmpty();
    List<Diagnostic> warnings = c.diagnostics().stream().filter(d -> d.code().equals("LAT2003")).toList();
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0).message()).contains("a/x declares a/y outbound, but a/y does not allow a/x inbound");
    assertThat(warnings.get(0).hint().orElseThrow()).contains("direction: inbound");
    assertThat(warnings.get(1).message()).contains("a/y allows a/z inbound, but a/z does not declare a/y outbound");
  }

  @Test
  void targetsAbsentFromThePartialInputAreWarningsAndNearMissesSayDidYouMean() {
    Compilation c = compile(service("a", "x", "ghost: {}\nfar: {namespace: elsewhere}\nclose: {id: callee1}"),
        service("a", "callee", "x: {direction: inbound}"));
    assertThat(codes(c, Severity.ERROR)).isEmpty();
    List<Diagnostic> absent = c.diagnostics().stream().filter(d -> d.code().equals("LAT2002")).toList();
    assertThat(absent).hasSize(3).allSatisfy(d -> assertThat(d.message()).contains("is not in this input"));
    assertThat(absent).filteredOn(d -> d.message().contains("a/callee1")).singleElement()
        .satisfies(d -> assertThat(d.hint().orElseThrow()).isEqualTo("did you mean a/callee?"));
    assertThat(c.plan().orElseThrow().edges()).isEmpty();
  }

  @Test
  void selfReferenceAndDuplicatesAreReported() {
    Compilation c = compile(service("a", "x", "x: {}"), service("a", "x", "y: {}"));
    assertThat(codes(c, Severity.ERROR)).contains("LAT2001");
    assertThat(codes(c, Severity.WARNING)).contains("LAT2004");
  }

  @Test
  void externalServicesAllowListedOrWildcardCallers() {
    String ext = """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeExternalService
        metadata: {name: stripe, namespace: a}
        spec:
          endpoints: {api: "https://api.stripe.com"}
          allowedRequesters: [x]
        """;
    Compilation c = compile(ext, service("a", "x", "stripe: {type: external-service}"), service("a", "y", "stripe: {}"));
    assertThat(c.plan().orElseThrow().externalEdges()).extracting(e -> e.caller().toString()).containsExactly("a/x");
    assertThat(codes(c, Severity.WARNING)).containsExactly("LAT2005");
  }

  @Test
  void placeholdersResolveToServiceAddressesAndSecretReferences() {
    Compilation c = compile(
        service("a", "x", "y: {}\ndb-creds: {type: secret, params: {keys: [password]}}\ncache: {type: redis, params: {host: redis.local}}")
            .replace("containers: {main: {image: \"img/x:1\"}}", """
                containers:
                      main:
                        image: img/x:1
                        variables:
                          URL: ${resources.y.url}
                          HOST: ${resources.y.host}
                          PASSWORD: ${secret.db-creds.password}
                          DSN: postgres://u:${secret.db-creds.password}@${resources.cache.host}/db
                          LITERAL: $${resources.y.host}"""),
        service("a", "y", "x: {direction: inbound}"));
    assertThat(codes(c, Severity.ERROR)).isEmpty();
    var plan = c.plan().orElseThrow().workloads().get(ObjectRef.of("a", "x"));
    Map<String, TemplateText> env = plan.variables().get("main");
    assertThat(env.get("URL").literal()).contains("http://y.a.svc.cluster.local:80");
    assertThat(env.get("HOST").literal()).contains("y.a.svc.cluster.local");
    assertThat(env.get("PASSWORD").soleSecret()).contains(new TemplateText.SecretRef("db-creds", "password"));
    assertThat(env.get("DSN").parts()).containsExactly(new TemplateText.Literal("postgres://u:"),
        new TemplateText.SecretRef("db-creds", "password"), new TemplateText.Literal("@redis.local/db"));
    assertThat(env.get("LITERAL").literal()).contains("${resources.y.host}");
    assertThat(plan.secrets().get("db-creds").secretName()).isEqualTo("x-db-creds");
  }

  @Test
  void unresolvablePlaceholdersAreErrors() {
    Compilation c = compile(service("a", "x", "far: {namespace: other}").replace("containers: {main: {image: \"img/x:1\"}}",
        "containers: {main: {image: \"img/x:1\", variables: {P: \"${resources.far.port}\", Q: \"${resources.far.nope}\"}}}"));
    assertThat(codes(c, Severity.ERROR)).containsExactly("LAT2007", "LAT2007");
  }

  @Test
  void readErrorsFailTheCompilationWithNoDocuments() {
    Compilation c = LatticeCompiler.builder().build().compile(Sources.fromStrings(Map.of("bad.yaml", "kind: [")));
    assertThat(c.hasErrors()).isTrue();
    assertThat(c.documents()).isEmpty();
  }
}
