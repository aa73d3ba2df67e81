package dev.lattice.runtime.link.pki;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Server trust for an agent's first contact with the cell's bootstrap endpoint: either a CA it was
 * given ({@code --ca FILE}), or a CA pin from the token — the server's chain must then carry a CA
 * certificate whose {@link Fingerprints#pin} is the pin, and the server certificate must verify under
 * it (PKIX, with the JDK's hostname check). Anything else fails the handshake, so the token is never
 * sent to a server that cannot prove it is the cell. {@link #verified} is the CA that was trusted.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {
  private final Optional<X509Certificate> ca;
  private final Optional<String> pin;
  private volatile X509Certificate verified;

  private PinnedTrust(Optional<X509Certificate> ca, Optional<String> pin) {
    this.ca = ca;
    this.pin = pin;
  }

  /**
   * Trust in {@code ca} when given, else in the CA of the server's chain that matches {@code pin}.
   *
   * @throws IllegalArgumentException when neither is given, or when both are and they disagree
   */
  public static PinnedTrust of(Optional<X509Certificate> ca, Optional<String> pin) {
    if (ca.isEmpty() && pin.isEmpty()) {
      throw new IllegalArgumentException("the token carries no CA pin: give the cell's CA bundle with --ca FILE");
    }
    if (ca.isPresent() && pin.isPresent() && !Fingerprints.pin(ca.get()).equals(pin.get())) {
      throw new IllegalArgumentException("the CA of --ca does not match the CA pin in the token");
    }
    return new PinnedTrust(ca, pin);
  }

  /** A TLS 1.3 client context with this trust. */
  public SSLContext sslContext() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLSv1.3");
      ctx.init(null, new javax.net.ssl.TrustManager[] {this}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the bootstrap TLS context", e);
    }
  }

  /** The CA the server's certificate was verified under (after a handshake). */
  public Optional<X509Certificate> verified() {
    return Optional.ofNullable(verified);
  }

  private X509ExtendedTrustManager anchor(X509Certificate[] chain) throws CertificateException {
    if (ca.isPresent()) {
      return TlsContexts.caTrust(ca.get());
    }
    for (X509Certificate c : chain) {
      if (c.getBasicConstraints() >= 0 && Fingerprints.pin(c).equals(pin.get())) {
        return TlsContexts.caTrust(c);
      }
    }
    throw new CertificateException("the server's certificate chain has no CA matching the pin in the token "
        + "(not this token's cell?)");
  }

  private void remember(X509ExtendedTrustManager tm) {
    verified = tm.getAcceptedIssuers()[0];
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    X509ExtendedTrustManager tm = anchor(chain);
    tm.checkServerTrusted(chain, authType, engine);
    remember(tm);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    X509ExtendedTrustManager tm = anchor(chain);
    tm.checkServerTrusted(chain, authType, socket);
    remember(tm);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    X509ExtendedTrustManager tm = anchor(chain);
    tm.checkServerTrusted(chain, authType);
    remember(tm);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    throw new CertificateException("an agent trusts no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("an agent trusts no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("an agent trusts no clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return ca.map(c -> new X509Certificate[] {c}).orElse(new X509Certificate[0]);
  }
}
