package dev.lattice.runtime.link.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** ECDSA P-256 key pairs from the JDK provider (a FIPS-approved curve). */
public final class KeyPairs {
  private KeyPairs() {}

  /** A new P-256 key pair. */
  public static KeyPair p256() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"));
      return gen.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no EC P-256", e);
    }
  }
}
