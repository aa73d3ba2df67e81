package dev.lattice.model.service;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code LatticeResourceClass}: the custom resource {@code type} (a DNS label, not a built-in
 * type) and {@code class} it answers for (absent: resources of that type that name no class), its
 * {@code outputs} (output name → text that may use {@code ${params.<key>}}, the resource's params
 * with this class's {@code params} as defaults, and {@code ${secret.<key>}}, a key of the class's
 * {@code secret}), and that {@code secret}: where the External Secrets Operator syncs it from.
 * Modelled on Score's provisioners (https://docs.score.dev/docs/score-implementation/score-compose/resources-provisioners/:
 * a provisioner is keyed by type and class and declares the outputs a placeholder may read).
 */
public record ResourceClassSpec(
    @Required String type,
    @WireName("class") Optional<String> resourceClass,
    Optional<String> description,
    Map<String, Object> params,
    Optional<SecretSource> secret,
    Map<String, String> outputs) {

  public ResourceClassSpec {
    resourceClass = Values.opt(resourceClass);
    description = Values.opt(description);
    params = Values.map(params);
    secret = Values.opt(secret);
    outputs = Values.map(outputs);
  }

  /** {@code type} or {@code type/class}: how diagnostics name what this class answers for. */
  public String key() {
    return type + resourceClass.map(c -> "/" + c).orElse("");
  }

  /**
   * The secret a class's {@code ${secret.<key>}} outputs read, synced into the Secret {@code
   * <service>-<resource>} as a {@code secret} resource is: the ClusterSecretStore {@code provider}
   * (default {@code default}), the remote key {@code id} (may use {@code ${params.<key>}}), the keys
   * it holds (empty: the whole remote secret) and the refresh interval.
   */
  public record SecretSource(Optional<String> provider, @Required String id, List<String> keys, Optional<String> refreshInterval) {
    public SecretSource {
      provider = Values.opt(provider);
      keys = Values.list(keys);
      refreshInterval = Values.opt(refreshInterval);
    }
  }
}
