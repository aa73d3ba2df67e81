package dev.lattice.compiler.plan;

import java.util.List;
import java.util.Optional;

/**
 * A {@code secret} resource of a service, routed through the External Secrets Operator: the
 * {@code ClusterSecretStore} ({@code params.provider}), the remote key (the resource's {@code id},
 * else its name), the keys it names (empty: take the whole remote secret), and the Kubernetes
 * Secret it is synced into ({@code <service>-<resource>}).
 */
public record SecretPlan(
    String resource,
    String secretName,
    String store,
    String remoteKey,
    List<String> keys,
    Optional<String> refreshInterval,
    Optional<String> secretType) {
  public SecretPlan {
    keys = List.copyOf(keys);
  }
}
