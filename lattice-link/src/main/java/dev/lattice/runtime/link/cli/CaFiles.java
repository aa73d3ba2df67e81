package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * Loads a cell's CA from {@code ca.crt} and {@code ca.key} and checks the pair: both regular PEM
 * files, the certificate a CA, the key its key (a signature it verifies). Every refusal names the file
 * and what to restore.
 */
final class CaFiles {
  private CaFiles() {}

  static CellAuthority load(Clock clock, Path crt, Path key) throws CellData.Unusable {
    String crtFix = ": restore it from a backup (an enrolled agent's ca.crt is the same certificate)";
    String keyFix = ": restore it from a backup; it cannot be recovered otherwise";
    X509Certificate cert;
    try {
      List<X509Certificate> all = Pem.certificates(read(crt, crtFix));
      if (all.isEmpty()) {
        throw new IllegalArgumentException("no certificate in it");
      }
      cert = all.get(0);
    } catch (IllegalArgumentException e) {
      throw new CellData.Unusable(1, "cannot use the cell's CA: " + crt + " is not a PEM certificate (" + e.getMessage() + ")" + crtFix);
    }
    if (cert.getBasicConstraints() < 0) {
      throw new CellData.Unusable(1, "cannot use the cell's CA: " + crt + " is not a CA certificate (" + cert.getSubjectX500Principal()
          + ")" + crtFix);
    }
    PrivateKey pk;
    try {
      pk = Pem.ecPrivateKey(read(key, keyFix));
    } catch (IllegalArgumentException e) {
      throw new CellData.Unusable(1, "cannot use the cell's CA: " + key + " is not a PEM EC private key (" + e.getMessage() + ")" + keyFix);
    }
    if (!belongs(pk, cert)) {
      throw new CellData.Unusable(1, "cannot use the cell's CA: " + key + " is not the key of " + crt
          + ": restore the pair from one backup (the cell never makes a new CA over an existing one)");
    }
    return CellAuthority.load(Pem.certificate(cert), Pem.privateKey(pk), clock);
  }

  private static String read(Path file, String fix) throws CellData.Unusable {
    if (!Files.isRegularFile(file)) {
      throw new CellData.Unusable(1, "cannot use the cell's CA: " + file + " is not a regular file" + fix);
    }
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new CellData.Unusable(1, "cannot use the cell's CA: cannot read " + file + " (" + e + ")" + fix);
    }
  }

  /** Whether {@code key} signs what the certificate's public key verifies. */
  private static boolean belongs(PrivateKey key, X509Certificate cert) {
    try {
      byte[] probe = "lattice cell CA key check".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance("SHA256withECDSA");
      v.initVerify(cert.getPublicKey());
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
