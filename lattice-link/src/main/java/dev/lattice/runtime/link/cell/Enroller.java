package dev.lattice.runtime.link.cell;

import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.PinnedToken;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolment, wherever it arrives (the {@code Enroll} RPC, the bootstrap endpoint's
 * {@code POST /api/clusters/<cluster>/enroll}): a single-use enrolment token of that cluster (a
 * printed token's CA pin is ignored here) and a PKCS#10 request buy a client certificate
 * {@code CN=<cluster>}. A refusal names its reason and changes nothing but the token's use. Each
 * certificate issued is reported to {@code onIssued} (the CLI cell records it, for {@code cell revoke}).
 */
public final class Enroller {
  static final String PURPOSE = "enroll";
  private static final Logger LOG = LoggerFactory.getLogger(Enroller.class);
  /** The names a cluster may have (they name files and directories of the cell's {@code --data}). */
  static final java.util.regex.Pattern CLUSTER = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** Why an enrolment was refused. */
  public enum Refusal { TOKEN, WRONG_CLUSTER, BAD_REQUEST }

  /** A certificate, or a refusal and its message. */
  public record Outcome(Optional<X509Certificate> certificate, Optional<Refusal> refusal, String message) {}

  private final CellAuthority authority;
  private final BootstrapTokens tokens;
  private final Duration validity;
  private final BiConsumer<String, X509Certificate> onIssued;

  public Enroller(CellAuthority authority, BootstrapTokens tokens, Duration validity,
      BiConsumer<String, X509Certificate> onIssued) {
    this.authority = authority;
    this.tokens = tokens;
    this.validity = validity;
    this.onIssued = onIssued;
  }

  public CellAuthority authority() {
    return authority;
  }

  public Outcome enroll(String cluster, String token, byte[] csrDer) {
    if (!CLUSTER.matcher(cluster).matches()) {
      LOG.warn("link: enrolment refused: cluster name {} is not a DNS label", cluster);
      return refused(Refusal.BAD_REQUEST, "cluster name must be a DNS label (a-z, 0-9, '-', at most 63)");
    }
    BootstrapTokens.Redemption r = tokens.redeem(cluster, PURPOSE, PinnedToken.parse(token).secret());
    if (r != BootstrapTokens.Redemption.ACCEPTED) {
      LOG.warn("link: enrolment of cluster {} refused: {}", cluster, r.message());
      return refused(r == BootstrapTokens.Redemption.WRONG_CLUSTER ? Refusal.WRONG_CLUSTER : Refusal.TOKEN, r.message());
    }
    X509Certificate cert;
    try {
      cert = authority.signRequest(csrDer, cluster, validity);
    } catch (IllegalArgumentException e) {
      LOG.warn("link: enrolment of cluster {} refused: {}", cluster, e.getMessage());
      return refused(Refusal.BAD_REQUEST, e.getMessage());
    }
    onIssued.accept(cluster, cert);
    LOG.info("link: cluster {} enrolled, certificate serial {}", cluster, cert.getSerialNumber().toString(16));
    return new Outcome(Optional.of(cert), Optional.empty(), "enrolled");
  }

  private static Outcome refused(Refusal why, String message) {
    return new Outcome(Optional.empty(), Optional.of(why), message);
  }
}
