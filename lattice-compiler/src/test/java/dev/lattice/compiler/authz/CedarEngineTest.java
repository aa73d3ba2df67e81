package dev.lattice.compiler.authz;

import static dev.lattice.compiler.authz.Policies.ask;
import static dev.lattice.compiler.authz.Policies.document;
import static dev.lattice.compiler.authz.Policies.engine;
import static dev.lattice.compiler.authz.Policies.forbid;
import static dev.lattice.compiler.authz.Policies.permit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.SourcePosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CedarEngineTest {
  /** A resource id per gate, in the shapes the gates use. */
  private static final Map<Gate, String> RESOURCE = Map.of(
      Gate.ACCESS_SECRET, "vault:media/db-password",
      Gate.ACCESS_VOLUME, "media/media-storage",
      Gate.OVERRIDE_SECURITY, "capability:SETUID",
      Gate.ACCESS_EXTERNAL_ENDPOINT, "api.themoviedb.org:443",
      Gate.SKIP_IMAGE_VERIFICATION, "docker.io/linuxserver/sonarr:latest",
      Gate.ALLOW_WILDCARD, "advertise");

  @ParameterizedTest
  @EnumSource(Gate.class)
  void eachGateIsAllowedByAPermit(Gate gate) {
    CedarEngine e = engine(document("p", permit("media/sonarr", gate, RESOURCE.get(gate))));
    Decision d = e.authorize(ask("media/sonarr", gate, RESOURCE.get(gate)));
    assertThat(d.allowed()).isTrue();
    assertThat(d.decidedBy()).containsExactly("lattice-system/p#0");
    assertThat(d.reason()).isEqualTo("permitted by lattice-system/p#0");
  }

  @ParameterizedTest
  @EnumSource(Gate.class)
  void eachGateIsDeniedWhenNoPermitMatches(Gate gate) {
    CedarEngine e = engine(document("p", permit("media/sonarr", gate, RESOURCE.get(gate))));
    for (GateRequest r : List.of(ask("media/radarr", gate, RESOURCE.get(gate)),
        ask("media/sonarr", gate, RESOURCE.get(gate) + "-other"),
        ask("other/sonarr", gate, RESOURCE.get(gate)))) {
      Decision d = e.authorize(r);
      assertThat(d.allowed()).as(r.toString()).isFalse();
      assertThat(d.defaultDeny()).isTrue();
      assertThat(d.decidedBy()).containsExactly(Decision.NO_PERMIT);
    }
    assertThat(engine().authorize(ask("media/sonarr", gate, RESOURCE.get(gate))).defaultDeny()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Gate.class)
  void eachGateIsDeniedByAForbidOverAPermit(Gate gate) {
    String wide = "permit(principal, action == Lattice::Action::\"" + gate.cedarAction() + "\", resource);";
    CedarEngine e = engine(document("allow", wide, 100, true),
        document("deny", forbid("media/sonarr", gate, RESOURCE.get(gate)), 0, true));
    Decision d = e.authorize(ask("media/sonarr", gate, RESOURCE.get(gate)));
    assertThat(d.allowed()).isFalse();
    assertThat(d.decidedBy()).containsExactly("lattice-system/deny#0");
    assertThat(d.reason()).startsWith("forbidden by");
    assertThat(e.authorize(ask("media/radarr", gate, RESOURCE.get(gate))).allowed()).isTrue();
  }

  @Test
  void documentOrderAndPriorityDoNotChangeAnswers() {
    List<String> docs = new ArrayList<>(List.of(
        document("a", permit("media/sonarr", Gate.ACCESS_SECRET, "vault:k"), 5, true),
        document("b", "permit(principal in Lattice::Namespace::\"media\", action, resource is Lattice::SecretPath);", 1, true),
        document("c", "forbid(principal, action, resource == Lattice::SecretPath::\"vault:k\") when { principal.name == \"radarr\" };"),
        document("d", "permit(principal, action, resource) when { principal.kind == \"LatticeService\" && principal.namespace != \"kube-system\" };", 9, true)));
    List<GateRequest> asks = List.of(ask("media/sonarr", Gate.ACCESS_SECRET, "vault:k"),
        ask("media/radarr", Gate.ACCESS_SECRET, "vault:k"), ask("kube-system/x", Gate.ACCESS_SECRET, "vault:k"),
        ask("kube-system/x", Gate.ALLOW_WILDCARD, "inbound"), ask("edge/y", Gate.ACCESS_VOLUME, "edge/v"));
    List<Decision> first = asks.stream().map(engine(docs.toArray(String[]::new))::authorize).toList();
    assertThat(first.get(0).decidedBy()).containsExactly("lattice-system/d#0", "lattice-system/a#0", "lattice-system/b#0");
    assertThat(first.get(1).decidedBy()).containsExactly("lattice-system/c#0");
    assertThat(first.get(2).defaultDeny()).isTrue();
    for (int seed = 0; seed < 5; seed++) {
      Collections.shuffle(docs, new java.util.Random(seed));
      CedarEngine shuffled = engine(docs.toArray(String[]::new));
      assertThat(asks.stream().map(shuffled::authorize).toList()).isEqualTo(first);
    }
  }

  @Test
  void disabledPoliciesAreIgnored() {
    CedarEngine e = engine(document("off", permit("media/sonarr", Gate.ACCESS_SECRET, "vault:k"), 0, false));
    assertThat(e.policyCount()).isZero();
    assertThat(e.authorize(ask("media/sonarr", Gate.ACCESS_SECRET, "vault:k")).defaultDeny()).isTrue();
  }

  @Test
  void anIdAnnotationNamesThePolicy() {
    CedarEngine e = engine(document("p", "@id(\"sonarr-db\")\n" + permit("media/sonarr", Gate.ACCESS_SECRET, "vault:k")));
    assertThat(e.authorize(ask("media/sonarr", Gate.ACCESS_SECRET, "vault:k")).decidedBy())
        .containsExactly("lattice-system/p#sonarr-db");
  }

  @Test
  void aDenialIsAnErrorNamingPrincipalActionResourceAndDecider() {
    GateRequest r = ask("media/sonarr", Gate.OVERRIDE_SECURITY, "runAsRoot");
    Diagnostic d = engine().authorize(r).denial(r, SourcePosition.of("s.yaml", 3, 4), "spec.workload");
    assertThat(d.code()).isEqualTo(Codes.DENIED);
    assertThat(d.isError()).isTrue();
    assertThat(d.message()).contains("Lattice::Service::\"media/sonarr\"", "Lattice::Action::\"OverrideSecurity\"",
        "Lattice::SecurityOverride::\"runAsRoot\"", "no permit");
    assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("permit(principal =="));
  }

  @Test
  void identicalRequestsAreAnsweredOnce() {
    CedarEngine e = engine(document("p", "permit(principal, action, resource) when { principal has namespace };"));
    GateRequest r = ask("media/sonarr", Gate.ACCESS_SECRET, "vault:k");
    for (int i = 0; i < 10; i++) {
      assertThat(e.authorize(r).allowed()).isTrue();
    }
    assertThat(e.counts()).containsExactly(0, 1);
  }
}
