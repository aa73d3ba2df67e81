package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.platform.PlatformNamespaces;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Over generated clusters (every provider, bootstrap and add-on flag), every HelmRelease installs
 * into a namespace the Lattice default deny leaves alone ({@link PlatformNamespaces#exempt()}).
 */
class AddonNamespacePropertyTest {
  @Test
  void everyInstalledAddOnLandsInAnExemptNamespace() {
    long seed = Long.getLong("lattice.seed", 20261123L);
    ClusterGenerator gen = new ClusterGenerator(new SplittableRandom(seed));
    int releases = 0;
    for (int i = 0; i < 40; i++) {
      String cluster = gen.cluster();
      for (JsonNode r : AddonDocs.ofKind(Fixtures.documents(cluster), "HelmRelease")) {
        assertThat(PlatformNamespaces.exempt()).as("seed " + seed + " case " + i + ": " + r.at("/metadata/name").asText()
            + "\n" + cluster).contains(r.at("/spec/targetNamespace").asText());
        releases++;
      }
    }
    assertThat(releases).isPositive();
  }
}
