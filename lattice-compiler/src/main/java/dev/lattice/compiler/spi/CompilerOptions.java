package dev.lattice.compiler.spi;

import java.util.Objects;

/**
 * Settings that change what is derived.
 *
 * @param trustDomain the SPIFFE trust domain of principals ({@code cluster.local})
 * @param clusterDomain the DNS suffix of Services ({@code cluster.local})
 * @param emitNamespaces whether Namespace documents (with the ambient label) are emitted
 * @param capiStyle the form of a cluster's Cluster API documents ({@link CapiStyle#OBJECTS} by default)
 */
public record CompilerOptions(String trustDomain, String clusterDomain, boolean emitNamespaces, CapiStyle capiStyle) {
  public static final CompilerOptions DEFAULTS = new CompilerOptions("cluster.local", "cluster.local", true);

  public CompilerOptions {
    Objects.requireNonNull(trustDomain, "trustDomain");
    Objects.requireNonNull(clusterDomain, "clusterDomain");
    capiStyle = capiStyle == null ? CapiStyle.OBJECTS : capiStyle;
  }

  /** The options with the default Cluster API style. */
  public CompilerOptions(String trustDomain, String clusterDomain, boolean emitNamespaces) {
    this(trustDomain, clusterDomain, emitNamespaces, CapiStyle.OBJECTS);
  }

  public CompilerOptions withTrustDomain(String td) {
    return new CompilerOptions(td, clusterDomain, emitNamespaces, capiStyle);
  }

  public CompilerOptions withEmitNamespaces(boolean emit) {
    return new CompilerOptions(trustDomain, clusterDomain, emit, capiStyle);
  }

  public CompilerOptions withCapiStyle(CapiStyle style) {
    return new CompilerOptions(trustDomain, clusterDomain, emitNamespaces, style);
  }

  /**
   * How a cluster's Cluster API documents are shaped: {@code OBJECTS} writes every object (control
   * plane, MachineDeployments, templates) for the cluster itself; {@code TOPOLOGY} writes a {@code
   * ClusterClass} with templates and a {@code Cluster} whose {@code spec.topology} instantiates it
   * (CAPI's managed topology).
   */
  public enum CapiStyle {
    OBJECTS("objects"),
    TOPOLOGY("topology");

    private final String wire;

    CapiStyle(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }
}
