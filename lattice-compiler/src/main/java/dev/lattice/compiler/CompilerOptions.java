package dev.lattice.compiler;

import java.util.Objects;

/**
 * Settings that change what is derived.
 *
 * @param trustDomain the SPIFFE trust domain of principals ({@code cluster.local})
 * @param clusterDomain the DNS suffix of Services ({@code cluster.local})
 * @param emitNamespaces whether Namespace documents (with the ambient label) are emitted
 */
public record CompilerOptions(String trustDomain, String clusterDomain, boolean emitNamespaces) {
  public static final CompilerOptions DEFAULTS = new CompilerOptions("cluster.local", "cluster.local", true);

  public CompilerOptions {
    Objects.requireNonNull(trustDomain, "trustDomain");
    Objects.requireNonNull(clusterDomain, "clusterDomain");
  }

  public CompilerOptions withTrustDomain(String td) {
    return new CompilerOptions(td, clusterDomain, emitNamespaces);
  }

  public CompilerOptions withEmitNamespaces(boolean emit) {
    return new CompilerOptions(trustDomain, clusterDomain, emit);
  }
}
