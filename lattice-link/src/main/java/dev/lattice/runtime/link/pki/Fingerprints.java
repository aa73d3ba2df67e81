package dev.lattice.runtime.link.pki;

import dev.lattice.document.Sha256;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 fingerprints of certificates: lower-case hex, or URL-safe Base64 (the CA pin of a token). */
public final class Fingerprints {
  private Fingerprints() {}

  public static String sha256(X509Certificate cert) {
    return HexFormat.of().formatHex(digest(cert));
  }

  /** The pin of a CA: URL-safe Base64 (no padding) of the SHA-256 of its DER encoding, 43 characters. */
  public static String pin(X509Certificate cert) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(cert));
  }

  private static byte[] digest(X509Certificate cert) {
    try {
      return Sha256.digest(cert.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
