package dev.lattice.runtime.fleet;

import dev.lattice.runtime.install.ManagedKind;
import java.util.List;
import java.util.Optional;

/**
 * Writes documents to the cluster: the port the engine writes through (declared here, beside its user,
 * so that the appliers depend on the fleet and not the reverse). {@code apply.ServerSideApplier} is the real thing (server-side apply,
 * field manager {@code lattice}, forced); {@code apply.CreateOrReplaceApplier} does get, then create or
 * update, for API servers without server-side apply — fabric8's CRUD mock server, which the tests
 * run against, answers apply patches with 415. Implementations throw the client's exception on
 * failure; the engine retries.
 */
public interface DocumentApplier {
  /** Creates or updates one document. */
  void apply(DesiredDocument document);

  /** Deletes one document; absent is success. */
  void delete(ManagedKind kind, Optional<String> namespace, String name);

  /**
   * The documents of a kind that carry the managed-by label and an owner annotation. A kind the
   * cluster does not serve (its CRD is not installed) has none.
   */
  List<Ledger.Entry> listManaged(ManagedKind kind);
}
