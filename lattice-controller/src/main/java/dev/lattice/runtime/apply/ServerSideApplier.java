package dev.lattice.runtime.apply;

import dev.lattice.runtime.fleet.DesiredDocument;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Server-side apply with field manager {@code lattice}, forcing conflicts: Lattice owns every field
 * it emits, and fields other managers set (an HPA's replicas, a mutating webhook's defaults) are
 * left alone. The mode for real clusters; not exercised by the tests (the mock server has no SSA).
 */
public final class ServerSideApplier extends ClientApplier {
  public static final String FIELD_MANAGER = "lattice";

  public ServerSideApplier(KubernetesClient client) {
    super(client);
  }

  @Override
  public void apply(DesiredDocument d) {
    handle(d.kind(), d.namespace(), generic(d.body())).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }
}
