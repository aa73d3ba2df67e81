package dev.lattice.cli.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Kubernetes upgrade rule: patch and next-minor steps only. */
class K8sVersionTest {
  private static K8sVersion v(String s) {
    return K8sVersion.parse(s).orElseThrow();
  }

  @Test
  void allowedSteps() {
    assertThat(v("1.32.0").refuseUpgradeTo(v("1.32.0"))).isEmpty();
    assertThat(v("1.32.0").refuseUpgradeTo(v("1.32.9"))).isEmpty();
    assertThat(v("1.32.7").refuseUpgradeTo(v("1.33.0"))).isEmpty();
    assertThat(v("v1.32.7").refuseUpgradeTo(v("1.33.12"))).isEmpty();
  }

  @Test
  void refusedSteps() {
    assertThat(v("1.32.1").refuseUpgradeTo(v("1.32.0"))).get().asString().contains("downgrade");
    assertThat(v("1.32.0").refuseUpgradeTo(v("1.31.9"))).get().asString().contains("downgrade");
    assertThat(v("1.32.0").refuseUpgradeTo(v("1.34.0"))).get().asString().contains("upgrade to 1.33.x first");
    assertThat(v("1.32.0").refuseUpgradeTo(v("2.0.0"))).get().asString().contains("major");
  }

  @Test
  void onlyThreePartVersionsParse() {
    assertThat(K8sVersion.parse("1.33")).isEmpty();
    assertThat(K8sVersion.parse("latest")).isEmpty();
    assertThat(K8sVersion.parse("1.33.0-rc.1")).isEmpty();
    assertThat(v("v1.33.0")).isEqualTo(new K8sVersion(1, 33, 0));
  }
}
