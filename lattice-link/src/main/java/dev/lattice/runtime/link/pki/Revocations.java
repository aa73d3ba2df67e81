package dev.lattice.runtime.link.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serial numbers of agent certificates the cell no longer accepts. Thread-safe. With a file
 * ({@code <serial hex> <cluster>} per line, appended), revocations outlive the cell process and may
 * be added by another process ({@code cell revoke}): the file is re-read whenever it changed. A
 * damaged line is reported once with its file and line number, and skipped.
 */
public final class Revocations {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Revocations.class);
  private final Set<BigInteger> serials = ConcurrentHashMap.newKeySet();
  private final Path file;
  private FileTime seen;
  private long seenSize = -1;
  /** Lines (1-based) already reported as damaged: each is said once. */
  private final Set<Integer> reported = new java.util.HashSet<>();

  /** Revocations in memory only. */
  public Revocations() {
    this(null);
  }

  /** Revocations kept in {@code file} (may not exist yet). */
  public Revocations(Path file) {
    this.file = file;
  }

  /** Revokes a certificate: its next connection is refused and a live stream is closed. */
  public void revoke(X509Certificate cert) {
    revoke(cert.getSerialNumber(), cert.getSubjectX500Principal().getName().replaceFirst("^CN=", ""));
  }

  /** Revokes a serial (of {@code cluster}, recorded for readers of the file). */
  public synchronized void revoke(BigInteger serial, String cluster) {
    serials.add(serial);
    if (file != null) {
      try {
        Files.writeString(file, serial.toString(16) + " " + cluster + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot record the revocation in " + file, e);
      }
    }
  }

  public boolean isRevoked(X509Certificate cert) {
    return isRevoked(cert.getSerialNumber());
  }

  public boolean isRevoked(BigInteger serial) {
    reload();
    return serials.contains(serial);
  }

  private synchronized void reload() {
    if (file == null || !Files.exists(file)) {
      return;
    }
    try {
      FileTime t = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      if (t.equals(seen) && size == seenSize) {
        return;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String[] f = lines.get(i).trim().split(" ");
        if (f[0].isEmpty()) {
          continue;
        }
        try {
          serials.add(new BigInteger(f[0], 16));
        } catch (NumberFormatException e) {
          if (reported.add(i + 1)) {
            LOG.warn("link: {}:{}: not a revocation (expected <serial hex> <cluster>, got \"{}\"): skipped; the other "
                + "lines hold", file, i + 1, Lines.printable(lines.get(i)));
          }
        }
      }
      seen = t;
      seenSize = size;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the revocations in " + file, e);
    }
  }
}
