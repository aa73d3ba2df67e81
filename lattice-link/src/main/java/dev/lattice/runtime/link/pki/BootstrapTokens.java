package dev.lattice.runtime.link.pki;

import dev.lattice.document.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Single-use, expiring bootstrap tokens, one purpose each (the webhook's, the enrolment's). Only a
 * SHA-256 of each token is kept; a redeemed token is remembered as used so that a second use is
 * told apart from a wrong token. Thread-safe.
 */
public final class BootstrapTokens {
  /** Why a token was or was not accepted. */
  public enum Redemption {
    ACCEPTED("accepted"),
    UNKNOWN("bootstrap token not recognised"),
    WRONG_CLUSTER("bootstrap token was issued for another cluster"),
    REUSED("bootstrap token was already used"),
    EXPIRED("bootstrap token expired");

    private final String message;

    Redemption(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  record Entry(String cluster, String purpose, Instant expires, boolean used) {}

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Entry> byHash = new HashMap<>();
  private final TokenFile file;

  /** Tokens held in memory only. */
  public BootstrapTokens(Clock clock) {
    this(clock, null);
  }

  /**
   * Tokens kept in {@code file} (hashes only, owner-only permissions), re-read under a file lock on
   * every issue and redemption, so that another process (the {@code cell token} command) may issue
   * tokens that a running cell redeems.
   */
  public BootstrapTokens(Clock clock, java.nio.file.Path file) {
    this.clock = clock;
    this.file = file == null ? null : new TokenFile(file);
  }

  /** A new token for {@code cluster} and {@code purpose}, valid for {@code ttl} from now. */
  public synchronized String issue(String cluster, String purpose, Duration ttl) {
    if (file != null) {
      return file.update(byHash, () -> issueInMemory(cluster, purpose, ttl));
    }
    return issueInMemory(cluster, purpose, ttl);
  }

  private String issueInMemory(String cluster, String purpose, Duration ttl) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = "lbt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    byHash.put(hash(token), new Entry(cluster, purpose, clock.instant().plus(ttl), false));
    return token;
  }

  /** Redeems a token: accepted at most once, for its cluster and purpose, before it expires. */
  public synchronized Redemption redeem(String cluster, String purpose, String token) {
    if (file != null) {
      return file.update(byHash, () -> redeemInMemory(cluster, purpose, token, true));
    }
    return redeemInMemory(cluster, purpose, token, true);
  }

  /**
   * What {@link #redeem} would answer now, without using the token up: the caller redeems it once
   * what the token pays for was delivered.
   */
  public synchronized Redemption check(String cluster, String purpose, String token) {
    if (file != null) {
      return file.update(byHash, () -> redeemInMemory(cluster, purpose, token, false));
    }
    return redeemInMemory(cluster, purpose, token, false);
  }

  private Redemption redeemInMemory(String cluster, String purpose, String token, boolean spend) {
    String h = hash(token == null ? "" : token);
    Entry e = byHash.get(h);
    if (e == null || !e.purpose().equals(purpose)) {
      return Redemption.UNKNOWN;
    }
    if (!e.cluster().equals(cluster)) {
      return Redemption.WRONG_CLUSTER;
    }
    if (e.used()) {
      return Redemption.REUSED;
    }
    if (!clock.instant().isBefore(e.expires())) {
      return Redemption.EXPIRED;
    }
    if (spend) {
      byHash.put(h, new Entry(e.cluster(), e.purpose(), e.expires(), true));
    }
    return Redemption.ACCEPTED;
  }

  private static String hash(String token) {
    return Sha256.hex(token, 64);
  }
}
