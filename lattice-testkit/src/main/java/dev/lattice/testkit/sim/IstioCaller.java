package dev.lattice.testkit.sim;

import java.util.Optional;

/**
 * The peer identity a callee's ztunnel sees: the caller's SPIFFE-derived principal
 * {@code <trustDomain>/ns/<namespace>/sa/<serviceAccount>} when the caller is in the ambient mesh
 * or an Istio gateway (which sends HBONE itself), nothing otherwise (plaintext has no peer identity).
 */
record IstioCaller(Optional<String> trustDomain, Optional<String> namespace,
    Optional<String> serviceAccount) {

  static IstioCaller of(Workload w, SimulatorOptions options) {
    if (!w.hasMeshIdentity()) {
      return new IstioCaller(Optional.empty(), Optional.empty(), Optional.empty());
    }
    return new IstioCaller(Optional.of(options.trustDomain()), Optional.of(w.namespace()),
        Optional.of(w.serviceAccount()));
  }

  /** A caller without a peer identity. */
  static IstioCaller none() {
    return new IstioCaller(Optional.empty(), Optional.empty(), Optional.empty());
  }

  Optional<String> principal() {
    return trustDomain.map(td -> td + "/ns/" + namespace.orElseThrow()
        + "/sa/" + serviceAccount.orElseThrow());
  }

  /** {@code <namespace>/<serviceAccount>}, the form of {@code source.serviceAccounts}. */
  Optional<String> serviceAccountRef() {
    return serviceAccount.map(sa -> namespace.orElseThrow() + "/" + sa);
  }

  @Override
  public String toString() {
    return principal().map(p -> "principal " + p).orElse("no peer identity (not in the mesh)");
  }
}
