package dev.lattice.compiler.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.compiler.plan.GateOutcome;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The six gates as the pipeline asks them: allowed, denied by absence, denied by forbid over permit. */
class GateAuthorizerTest {
  /** A service that asks every gate once, and a sibling that asks nothing. */
  private static final String FLEET = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: app, namespace: team}
      spec:
        advertise: {allowedServices: ["*"]}
        workload:
          containers:
            main:
              image: registry.example.com/app:1.0
              command: [/app]
              security: {capabilities: [NET_ADMIN]}
          resources:
            creds: {type: secret, id: team/creds, params: {provider: vault, keys: [token]}}
            shared: {type: volume, id: media}
            api: {type: external-service, params: {endpoints: {api: "https://api.example.com"}}}
      ---
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: owner, namespace: team}
      spec:
        workload:
          containers: {main: {image: "registry.example.com/owner@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}}
          resources:
            media: {type: volume, id: media, params: {size: 1Gi, allowedConsumers: [app]}}
      """;

  private static final Map<Gate, String> RESOURCE = Map.of(
      Gate.ACCESS_SECRET, "Lattice::SecretPath::\"vault:team/creds\"",
      Gate.ACCESS_VOLUME, "Lattice::Volume::\"team/media\"",
      Gate.OVERRIDE_SECURITY, "Lattice::SecurityOverride::\"capability:NET_ADMIN\"",
      Gate.ACCESS_EXTERNAL_ENDPOINT, "Lattice::ExternalEndpoint::\"api.example.com:443\"",
      Gate.SKIP_IMAGE_VERIFICATION, "Lattice::ImageRef::\"registry.example.com/app:1.0\"",
      Gate.ALLOW_WILDCARD, "Lattice::Mesh::\"advertise\"");

  static String policy(String name, String text) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: CedarPolicy
        metadata: {name: %s, namespace: lattice-system}
        spec:
          policies: |
        %s
        """.formatted(name, text.indent(4));
  }

  static String permit(Gate g) {
    return "permit(principal == Lattice::Service::\"team/app\", action == Lattice::Action::\"" + g.cedarAction()
        + "\", resource == " + RESOURCE.get(g) + ");";
  }

  static String permitAll() {
    StringBuilder sb = new StringBuilder();
    for (Gate g : Gate.values()) {
      sb.append(permit(g)).append('\n');
    }
    return sb.toString();
  }

  static Compilation compile(Map<String, String> files) {
    return LatticeCompiler.builder().emitters(List.of()).build().compile(Sources.fromStrings(files));
  }

  static Map<String, String> files(String... policies) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("fleet.yaml", FLEET);
    for (int i = 0; i < policies.length; i++) {
      files.put("policy-" + i + ".yaml", policies[i]);
    }
    return files;
  }

  static List<Diagnostic> denials(Compilation c) {
    return c.diagnostics().stream().filter(d -> d.code().equals("LAT3003")).toList();
  }

  @Test
  void everyGateAllowedCompilesTheService() {
    Compilation c = compile(files(policy("all", permitAll())));
    assertThat(denials(c)).isEmpty();
    assertThat(c.hasErrors()).as(c.diagnostics().toString()).isFalse();
    assertThat(c.plan().orElseThrow().gates()).hasSize(Gate.values().length).allMatch(GateOutcome::allowed);
  }

  @ParameterizedTest
  @EnumSource(Gate.class)
  void eachGateDeniedByAbsenceFailsOnlyThatService(Gate missing) {
    StringBuilder sb = new StringBuilder();
    for (Gate g : Gate.values()) {
      if (g != missing) {
        sb.append(permit(g)).append('\n');
      }
    }
    Compilation c = compile(files(policy("most", sb.toString())));
    assertThat(denials(c)).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("Lattice::Service::\"team/app\"").contains(missing.cedarAction()).contains(RESOURCE.get(missing))
          .contains("no permit");
      assertThat(d.position().line()).isPositive();
    });
    assertThat(c.documents()).isEmpty();
    assertThat(c.plan().orElseThrow().workloads()).containsOnlyKeys(ObjectRef.of("team", "owner"));
  }

  @ParameterizedTest
  @EnumSource(Gate.class)
  void aForbidBeatsEveryPermit(Gate forbidden) {
    String forbid = "forbid(principal, action == Lattice::Action::\"" + forbidden.cedarAction() + "\", resource);";
    Compilation c = compile(files(policy("all", permitAll()), policy("deny", forbid)));
    assertThat(denials(c)).singleElement().satisfies(d -> assertThat(d.message()).contains("forbidden by lattice-system/deny#0"));
  }

  @Test
  void noPoliciesDenyEveryGatedRequest() {
    Compilation c = compile(files());
    assertThat(denials(c)).hasSize(Gate.values().length);
  }

  @Test
  void volumeOwnersMustListTheirConsumers() {
    Compilation c = compile(Map.of("fleet.yaml", FLEET.replace("allowedConsumers: [app]", "allowedConsumers: [someone-else]"),
        "p.yaml", policy("all", permitAll())));
    assertThat(c.diagnostics()).filteredOn(Diagnostic::isError).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("does not list it in allowedConsumers"));
  }

  @Test
  void policyOrderDoesNotChangeDecisions() {
    List<String> parts = new ArrayList<>(List.of(permit(Gate.ACCESS_SECRET), permit(Gate.ALLOW_WILDCARD),
        "forbid(principal, action == Lattice::Action::\"OverrideSecurity\", resource);", permit(Gate.OVERRIDE_SECURITY)));
    String expected = null;
    Random random = new Random(7);
    for (int i = 0; i < 6; i++) {
      Collections.shuffle(parts, random);
      List<String> outcomes = compile(files(policy("p", String.join("\n", parts)))).plan().orElseThrow().gates().stream()
          .map(g -> g.resource() + "=" + g.allowed()).sorted().toList();
      expected = expected == null ? String.join(",", outcomes) : expected;
      assertThat(String.join(",", outcomes)).isEqualTo(expected);
    }
  }
}
