package dev.lattice.emit.capi;

/**
 * The names the runtime needs to find what this emitter names: a cluster's CAPI namespace and the
 * Secret of its one-time bootstrap token (shortened like every cluster document name).
 */
public final class CapiNames {
  private CapiNames() {}

  /** {@code capi-<cluster>}. */
  public static String namespace(String cluster) {
    return Names.namespace(cluster);
  }

  /** {@code <cluster>-bootstrap-token}, in {@link #namespace}. */
  public static String bootstrapSecret(String cluster) {
    return Names.shorten(cluster + "-bootstrap-token");
  }
}
