package dev.lattice.runtime.link.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Serial numbers of agent certificates the cell no longer accepts. Thread-safe. */
public final class Revocations {
  private final Set<BigInteger> serials = ConcurrentHashMap.newKeySet();

  /** Revokes a certificate: its next connection is refused and a live stream is closed. */
  public void revoke(X509Certificate cert) {
    serials.add(cert.getSerialNumber());
  }

  public boolean isRevoked(X509Certificate cert) {
    return serials.contains(cert.getSerialNumber());
  }
}
