package dev.lattice.runtime.link.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The cell's certificate authority: a self-signed ECDSA P-256 CA that issues the cell's server
 * certificate and, from a PKCS#10 request, each agent's client certificate (subject
 * {@code CN=<cluster>}, extended key usage clientAuth). A request is refused when its signature does
 * not verify or its key is weaker than P-256 / RSA 2048. Validity starts one minute before the
 * injected clock's now (skew).
 */
public final class CellAuthority {
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final Duration SKEW = Duration.ofMinutes(1);

  private final X509Certificate certificate;
  private final PrivateKey key;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private CellAuthority(X509Certificate certificate, PrivateKey key, Clock clock) {
    this.certificate = certificate;
    this.key = key;
    this.clock = clock;
  }

  /** A new CA named {@code CN=<name>}, valid for {@code validity}. */
  public static CellAuthority create(String name, Duration validity, Clock clock) {
    KeyPair pair = KeyPairs.p256();
    Instant now = clock.instant();
    try {
      X500Name subject = new X500Name("CN=" + name);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
          Date.from(now.minus(SKEW)), Date.from(now.plus(validity)), subject, pair.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
      return new CellAuthority(sign(b, pair.getPrivate()), pair.getPrivate(), clock);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot create the cell CA", e);
    }
  }

  /** A CA loaded from its PEM certificate and key. */
  public static CellAuthority load(String certificatePem, String keyPem, Clock clock) {
    return new CellAuthority(Pem.certificates(certificatePem).get(0), Pem.ecPrivateKey(keyPem), clock);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey key() {
    return key;
  }

  /** The CA bundle agents trust, as PEM. */
  public String bundlePem() {
    return Pem.certificate(certificate);
  }

  /** A server certificate for the cell, for the given DNS names and IP addresses. */
  public X509Certificate issueServer(PublicKey publicKey, List<String> hosts, Duration validity) {
    List<GeneralName> names = new ArrayList<>();
    for (String h : hosts) {
      names.add(isIp(h) ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName, h));
    }
    return issue("CN=lattice-cell", publicKey, validity, KeyPurposeId.id_kp_serverAuth,
        new GeneralNames(names.toArray(GeneralName[]::new)));
  }

  /**
   * Signs an agent's request for {@code cluster}. The subject is {@code CN=<cluster>} whatever the
   * request asked for.
   *
   * @throws IllegalArgumentException when the request is malformed, its signature does not verify
   *     or its key is too weak
   */
  public X509Certificate signRequest(byte[] csrDer, String cluster, Duration validity) {
    try {
      JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(csrDer);
      PublicKey pub = csr.getPublicKey();
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pub))) {
        throw new IllegalArgumentException("the certificate request's signature does not verify");
      }
      requireStrong(pub);
      return issue("CN=" + cluster, pub, validity, KeyPurposeId.id_kp_clientAuth, null);
    } catch (java.io.IOException | IllegalStateException | GeneralSecurityException | OperatorCreationException
        | PKCSException e) {
      throw new IllegalArgumentException("not a valid PKCS#10 certificate request: " + e.getMessage(), e);
    }
  }

  private X509Certificate issue(String subject, PublicKey pub, Duration validity, KeyPurposeId usage,
      GeneralNames sans) {
    Instant now = clock.instant();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, new BigInteger(127, random).add(BigInteger.ONE),
          Date.from(now.minus(SKEW)), Date.from(now.plus(validity)), new X500Name(subject), pub)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage))
          .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
      if (sans != null) {
        b.addExtension(Extension.subjectAlternativeName, false, sans);
      }
      return sign(b, key);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue a certificate", e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static void requireStrong(PublicKey pub) {
    if (pub instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() >= 256) {
      return;
    }
    if (pub instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048) {
      return;
    }
    throw new IllegalArgumentException("key too weak: ECDSA P-256/P-384 or RSA >= 2048 required, got "
        + pub.getAlgorithm());
  }

  private static boolean isIp(String host) {
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false;
    }
    try {
      InetAddress.getByName(host);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
