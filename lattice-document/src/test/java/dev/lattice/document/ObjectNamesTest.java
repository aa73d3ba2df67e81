package dev.lattice.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectNamesTest {
  @Test
  void shortNamesAreKept() {
    assertThat(ObjectNames.bounded("api")).isEqualTo("api");
    assertThat(ObjectNames.bounded("a".repeat(63))).isEqualTo("a".repeat(63));
  }

  @Test
  void longNamesGetAStableHashSuffix() {
    String name = "payments-" + "x".repeat(50) + "-reconciler-worker";
    String bounded = ObjectNames.bounded(name);
    assertThat(bounded).hasSize(63).startsWith(name.substring(0, 52) + "-").matches(".*-[0-9a-f]{10}");
    assertThat(ObjectNames.bounded(name)).isEqualTo(bounded);
    assertThat(ObjectNames.bounded(name + "2")).isNotEqualTo(bounded).hasSize(63);
  }

  @Test
  void trailingSeparatorsBeforeTheHashAreTrimmed() {
    String bounded = ObjectNames.bounded("a".repeat(51) + "-" + "b".repeat(20));
    assertThat(bounded).startsWith("a".repeat(51) + "-").doesNotContain("--").hasSize(62);
  }

  @Test
  void sha256IsTheStandardDigest() {
    // FIPS 180-2, appendix B.1: SHA-256("abc")
    assertThat(Sha256.hex("abc", 64)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex("abc", 10)).isEqualTo("ba7816bf8f");
    assertThat(ObjectNames.hash("abc", 10)).isEqualTo("ba7816bf8f");
  }
}
