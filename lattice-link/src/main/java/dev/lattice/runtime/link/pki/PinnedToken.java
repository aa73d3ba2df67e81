package dev.lattice.runtime.link.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A bootstrap token as {@code cell token} prints it: {@code <secret>.<pin>}, where the secret is
 * what {@link BootstrapTokens} issued (and redeems) and the pin is {@link Fingerprints#pin} of the
 * cell CA. The pin is public: it lets an agent that has nothing else verify the cell's server
 * certificate on its first contact, before it sends the secret (as kubeadm's
 * {@code --discovery-token-ca-cert-hash}). A token without a pin is the bare secret.
 */
public record PinnedToken(String secret, Optional<String> caPin) {
  /** Splits {@code text} at its last '.' (the secret, URL-safe Base64, has none). */
  public static PinnedToken parse(String text) {
    String t = text == null ? "" : text.trim();
    int dot = t.lastIndexOf('.');
    return dot < 0 ? new PinnedToken(t, Optional.empty())
        : new PinnedToken(t.substring(0, dot), Optional.of(t.substring(dot + 1)));
  }

  /** The printed form of {@code secret} pinned to {@code ca}. */
  public static String format(String secret, X509Certificate ca) {
    return secret + "." + Fingerprints.pin(ca);
  }
}
