package dev.lattice.compiler.authz;

import static dev.lattice.compiler.authz.Policies.ask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.CedarPolicy;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The CedarPolicy documents of the reference homelab parse and validate against our schema. */
class ReferencePoliciesTest {

  /**
   * The reference homelab under {@code ../shared}; the test is skipped with one line when the
   * shared data is absent (and fails instead under {@code -Dlattice.requireShared=true}, as in CI).
   */
  private static Path homelab() {
    Path shared = Path.of(System.getProperty("lattice.shared", "../../shared")).toAbsolutePath().normalize();
    if (!Files.isDirectory(shared.resolve("reference"))) {
      String line = "skipped the reference Cedar policies test: " + shared + " is not present";
      assertThat(Boolean.getBoolean("lattice.requireShared")).as(line).isFalse();
      System.out.println(line);
      Assumptions.abort(line);
    }
    Path p = shared.resolve("reference/lattice/examples/homelab");
    assertThat(Files.isDirectory(p)).as("reference examples at " + p).isTrue();
    return p;
  }

  @Test
  void referencePoliciesLoadWithoutDiagnostics() {
    Path h = homelab();
    ReadResult read = new LatticeReader().readPaths(List.of(h.resolve("backend/media"), h.resolve("edge/haproxy-fw.yaml")));
    assertThat(read.hasErrors()).as(read.diagnostics().toString()).isFalse();
    assertThat(read.objects()).filteredOn(o -> o.object() instanceof CedarPolicy).hasSize(4);

    Diagnostics d = new Diagnostics();
    CedarEngine e = CedarEngine.from(read.objects(), d);
    assertThat(d.sorted()).isEmpty();
    assertThat(e.policyCount()).isEqualTo(2 + 7 + 1 + 13);

    assertThat(e.authorize(ask("media/sonarr", Gate.OVERRIDE_SECURITY, "capability:SETUID")).decidedBy())
        .containsExactly("lattice-system/sonarr-security#0");
    assertThat(e.authorize(ask("media/jellyfin", Gate.OVERRIDE_SECURITY, "allowedBinary:*")).allowed()).isTrue();
    assertThat(e.authorize(ask("media/jellyfin", Gate.ACCESS_EXTERNAL_ENDPOINT, "api.themoviedb.org:443")).allowed()).isTrue();
    assertThat(e.authorize(ask("media/jellyfin", Gate.ACCESS_EXTERNAL_ENDPOINT, "api.nzbgeek.info:443")).defaultDeny()).isTrue();
    assertThat(e.authorize(ask("edge/haproxy-fw", Gate.OVERRIDE_SECURITY, "shareProcessNamespace")).allowed()).isTrue();
    assertThat(e.authorize(ask("media/anything", Gate.ALLOW_WILDCARD, "advertise")).decidedBy())
        .containsExactly("lattice-system/media-advertise-wildcard#0");
    assertThat(e.authorize(ask("edge/haproxy-fw", Gate.ALLOW_WILDCARD, "advertise")).allowed()).isFalse();
    assertThat(e.authorize(ask("media/sonarr", Gate.OVERRIDE_SECURITY, "privileged")).allowed()).isFalse();
  }
}
