package dev.lattice.emit.capi.addons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.platform.PlatformNamespaces;
import org.junit.jupiter.api.Test;

/** Every pinned add-on has a namespace in the list the default deny exempts: none can be forgotten. */
class AddonNamespacesTest {
  @Test
  void everyPinnedChartHasAnExemptNamespace() {
    VersionMatrix.get().charts().keySet().forEach(id -> {
      assertThat(PlatformNamespaces.find(id)).as("namespace of add-on " + id).isPresent();
      assertThat(PlatformNamespaces.exempt()).as("default deny exempts add-on " + id).contains(PlatformNamespaces.ofAddon(id));
    });
  }
}
