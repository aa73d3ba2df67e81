package dev.lattice.runtime.link.pki;

import java.security.KeyPair;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** The agent's side of enrolment: a PKCS#10 request for its own key pair. */
public final class CertificateRequests {
  private CertificateRequests() {}

  /** A DER PKCS#10 request, subject {@code CN=<cluster>}, signed SHA256withECDSA. */
  public static byte[] forCluster(String cluster, KeyPair pair) {
    try {
      return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cluster), pair.getPublic())
          .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
          .getEncoded();
    } catch (OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot build a certificate request", e);
    }
  }
}
