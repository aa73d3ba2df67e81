package dev.lattice.runtime.apply;

import dev.lattice.runtime.fleet.DesiredDocument;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Get, then create when absent or update (whole object, at the resourceVersion read) when present.
 * For API servers without server-side apply: the fabric8 CRUD mock the tests use. It overwrites
 * fields other managers set, so real clusters use {@link ServerSideApplier}.
 */
public final class CreateOrReplaceApplier extends ClientApplier {

  public CreateOrReplaceApplier(KubernetesClient client) {
    super(client);
  }

  @Override
  public void apply(DesiredDocument d) {
    GenericKubernetesResource existing = one(d.kind(), d.namespace(), d.name()).get();
    GenericKubernetesResource desired = generic(d.body());
    if (existing == null) {
      handle(d.kind(), d.namespace(), desired).create();
    } else {
      desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      handle(d.kind(), d.namespace(), desired).update();
    }
  }
}
