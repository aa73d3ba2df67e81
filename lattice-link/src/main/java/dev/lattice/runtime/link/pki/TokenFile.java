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
 * guarded by an exclusive lock on {@code <file>.lock} so that several processes may share it.
 */
final class TokenFile {
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
        load(map);
        T result = change.get();
        save(map);
        return result;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the token file " + file, e);
    }
  }

  private void load(Map<String, BootstrapTokens.Entry> map) throws IOException {
    map.clear();
    if (!Files.exists(file)) {
      return;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split(" ");
      if (f.length == 5) {
        map.put(f[0], new BootstrapTokens.Entry(f[1], f[2], Instant.ofEpochMilli(Long.parseLong(f[3])),
            Boolean.parseBoolean(f[4])));
      }
    }
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
