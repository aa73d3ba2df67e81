package dev.lattice.runtime.link.pki;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the link: TLS 1.3 only, the JDK's provider (no native code, FIPS-ready with a FIPS JDK
 * provider), trust anchored in the cell CA alone. The server asks for a client certificate but does
 * not require one at the handshake — only {@code Enroll} may be called without one; the service
 * refuses everything else with UNAUTHENTICATED. A client certificate that is presented must chain
 * to the cell CA, or the handshake fails (and the cell logs it).
 */
public final class TlsContexts {
  private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);
  private static final String TLS13 = "TLSv1.3";
  private static final dev.lattice.runtime.link.OncePerCause REASONS = new dev.lattice.runtime.link.OncePerCause(
      java.time.Clock.systemUTC(), dev.lattice.runtime.link.OncePerCause.MINUTE);

  private TlsContexts() {}

  /** The cell's server context. */
  public static SslContext server(PrivateKey key, X509Certificate cert, X509Certificate ca) {
    try {
      return GrpcSslContexts.configure(SslContextBuilder.forServer(key, cert), SslProvider.JDK)
          .protocols(TLS13)
          .clientAuth(ClientAuth.OPTIONAL)
          .trustManager(new LoggingTrustManager(caTrust(ca)))
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the cell's TLS context", e);
    }
  }

  /** An agent's client context; without a key and certificate it can only enrol. */
  public static SslContext client(Optional<PrivateKey> key, Optional<X509Certificate> cert, X509Certificate ca) {
    try {
      SslContextBuilder b = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
          .protocols(TLS13)
          .trustManager(ca);
      if (key.isPresent() && cert.isPresent()) {
        b.keyManager(key.get(), cert.get());
      }
      return b.build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the agent's TLS context", e);
    }
  }

  /** PKIX trust anchored in {@code ca} alone (with hostname checks when the caller's engine asks for them). */
  static X509ExtendedTrustManager caTrust(X509Certificate ca) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("lattice-cell-ca", ca);
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      for (var tm : f.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("no X509TrustManager");
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the CA trust store", e);
    }
  }

  /** PKIX against the cell CA; a refused client certificate is logged before the handshake fails. */
  private static final class LoggingTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;

    LoggingTrustManager(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        delegate.checkClientTrusted(chain, authType);
      } catch (CertificateException e) {
        String subject = chain.length == 0 ? "(none)" : chain[0].getSubjectX500Principal().getName();
        boolean skew = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
          skew |= t instanceof java.security.cert.CertificateExpiredException
              || t instanceof java.security.cert.CertificateNotYetValidException
              || t instanceof java.security.cert.CertPathValidatorException v
                  && (v.getReason() == java.security.cert.CertPathValidatorException.BasicReason.EXPIRED
                      || v.getReason() == java.security.cert.CertPathValidatorException.BasicReason.NOT_YET_VALID);
        }
        String why = skew && chain.length > 0
            ? "not valid by the cell's clock (valid from " + chain[0].getNotBefore().toInstant() + " to "
                + chain[0].getNotAfter().toInstant() + ", the cell's clock says " + java.time.Instant.now()
                + "): clock skew between the agent's node and the cell, or an expired certificate"
            : "not issued by this cell's CA: an agent of another cell, or enrolled before this cell was re-keyed";
        if (REASONS.shouldSay((skew ? "skew " : "ca ") + subject)) {
          LOG.warn("link: refused client certificate {} ({}): {} (said once a minute per cause)", subject, why,
              e.getMessage());
        }
        throw e;
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}
