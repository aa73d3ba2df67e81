package dev.lattice.model.cluster;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.Optional;

/** The provider type and a reference to its credentials Secret (never a secret value). */
@org.immutables.value.Value.Builder
public record CloudProviderSpec(@Required ProviderType type, Optional<SecretRef> credentialsSecretRef) {
  public CloudProviderSpec {
    credentialsSecretRef = Values.opt(credentialsSecretRef);
  }

  /** A Secret by name and namespace. */
  public record SecretRef(@Required String name, Optional<String> namespace) {
    public SecretRef {
      namespace = Values.opt(namespace);
    }
  }
}
