package dev.lattice.model.cluster;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster: the {@code CloudProvider} it is built on ({@code providerRef}; absent, the
 * infrastructure controller's default credentials), Kubernetes and provider settings, nodes,
 * networking, the cell settings when it will manage children ({@code parentConfig}), the add-on
 * flags, and the metadata {@code environment} and {@code region} (labels of its documents).
 */
@org.immutables.value.Value.Builder
public record LatticeClusterSpec(
    Optional<String> providerRef,
    @Required ProviderSpec provider,
    @Required NodesSpec nodes,
    Optional<NetworkingSpec> networking,
    Optional<ParentConfigSpec> parentConfig,
    Optional<Boolean> services,
    Optional<Boolean> gpu,
    Optional<Boolean> storage,
    Optional<AddonSpec> monitoring,
    Optional<AddonSpec> backups,
    Optional<String> latticeImage,
    List<RegistryMirror> registryMirrors,
    Map<String, Object> networkTopology,
    Optional<String> environment,
    Optional<String> region) {

  public LatticeClusterSpec {
    providerRef = Values.opt(providerRef);
    environment = Values.opt(environment);
    region = Values.opt(region);
    networking = Values.opt(networking);
    parentConfig = Values.opt(parentConfig);
    services = Values.opt(services);
    gpu = Values.opt(gpu);
    storage = Values.opt(storage);
    monitoring = Values.opt(monitoring);
    backups = Values.opt(backups);
    latticeImage = Values.opt(latticeImage);
    registryMirrors = Values.list(registryMirrors);
    networkTopology = Values.map(networkTopology);
  }

  /** An add-on switch, written as {@code true} or as {@code {enabled: true, ha: false}}. */
  public record AddonSpec(Optional<Boolean> enabled, Optional<Boolean> ha) {
    public AddonSpec {
      enabled = Values.opt(enabled);
      ha = Values.opt(ha);
    }

    public static AddonSpec fromScalar(String text) {
      if (!"true".equals(text) && !"false".equals(text)) {
        throw new IllegalArgumentException("expected true, false or {enabled: ...}");
      }
      return new AddonSpec(Optional.of(Boolean.parseBoolean(text)), Optional.empty());
    }

    public boolean isEnabled() {
      return enabled.orElse(true);
    }
  }

  /** A registry mirror for container images. */
  public record RegistryMirror(@Required String upstream, @Required String mirror) {}
}
