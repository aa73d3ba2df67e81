package dev.lattice.runtime.link.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The on-disk form of {@link BootstrapTokens}: one line per token hash
 * ({@code hash cluster purpose expiresEpochMillis used}), replaced atomically, owner-only, and
 * guarded by an exclusive lock on {@code <file>.lock} so that several processes may share it. A
 * damaged line is reported with its line number, moved to {@code <file>.bad}, and the rest served.
 */
final class TokenFile {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TokenFile.class);
  private final Path file;
  private final Path lock;

  TokenFile(Path file) {
    this.file = file;
    this.lock = file.resolveSibling(file.getFileName() + ".lock");
  }

  /** Loads the file into {@code map}, runs {@code change}, writes the map back; all under the lock. */
  <T> T update(Map<String, BootstrapTokens.Entry> map, Supplier<T> change) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = ch.lock()) {
        List<String> damaged = load(map);
        T result = change.get();
        save(map);
        if (!damaged.isEmpty()) {
          quarantine(damaged);
        }
        return result;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the token file " + file, e);
    }
  }

  /** Loads the tokens; returns the damaged lines, each reported with its line number (they are not kept). */
  private List<String> load(Map<String, BootstrapTokens.Entry> map) throws IOException {
    map.clear();
    List<String> damaged = new ArrayList<>();
    if (!Files.exists(file)) {
      return damaged;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ");
      try {
        if (f.length != 5 || !f[0].matches("[0-9a-f]{64}") || !(f[4].equals("true") || f[4].equals("false"))) {
          throw new IllegalArgumentException("expected <sha-256 hex> <cluster> <purpose> <expires epoch ms> <used>");
        }
        map.put(f[0], new BootstrapTokens.Entry(f[1], f[2], Instant.ofEpochMilli(Long.parseLong(f[3])),
            Boolean.parseBoolean(f[4])));
      } catch (IllegalArgumentException e) {
        LOG.warn("link: {}:{}: not a token record ({}, got \"{}\"): skipped and moved to {}", file, i + 1,
            e instanceof NumberFormatException ? "the expiry is not a number" : e.getMessage(), Lines.printable(line),
            bad());
        damaged.add(line);
      }
    }
    return damaged;
  }

  private Path bad() {
    return file.resolveSibling(file.getFileName() + ".bad");
  }

  /** Appends damaged lines to {@code <file>.bad} (owner-only): the rewritten file no longer has them. */
  private void quarantine(List<String> lines) throws IOException {
    if (!Files.exists(bad())) {
      OwnerOnly.write(bad(), "");
    }
    Files.writeString(bad(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private void save(Map<String, BootstrapTokens.Entry> map) throws IOException {
    List<String> lines = new ArrayList<>();
    map.forEach((h, e) -> lines.add(h + " " + e.cluster() + " " + e.purpose() + " " + e.expires().toEpochMilli()
        + " " + e.used()));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    OwnerOnly.write(tmp, String.join("\n", lines) + "\n");
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
