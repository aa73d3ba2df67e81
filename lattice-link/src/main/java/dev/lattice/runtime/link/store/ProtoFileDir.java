package dev.lattice.runtime.link.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of small records, one file per (id, kind): {@code <URL-safe Base64 of the id>.<kind>},
 * written to a temporary file and moved into place (a reader never sees half a record), listed oldest
 * first. The bytes are the caller's (protobuf messages). Errors are {@link UncheckedIOException}s.
 */
public final class ProtoFileDir {
  private final Path dir;

  public ProtoFileDir(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public boolean exists(String id, String kind) {
    return Files.exists(file(id, kind));
  }

  /** Creates or replaces the record. */
  public void write(String id, String kind, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(name(id) + "." + kind + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file(id, kind), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kind + " of " + id + " in " + dir, e);
    }
  }

  public void delete(String id, String kind) {
    try {
      Files.deleteIfExists(file(id, kind));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + kind + " of " + id + " in " + dir, e);
    }
  }

  /** The bytes of every record of {@code kind}, oldest first (then by name). */
  public List<byte[]> readAll(String kind) {
    List<byte[]> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> records = files.filter(p -> p.getFileName().toString().endsWith("." + kind))
          .sorted(Comparator.comparing(ProtoFileDir::modified).thenComparing(Path::getFileName)).toList();
      for (Path p : records) {
        out.add(Files.readAllBytes(p));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the records in " + dir, e);
    }
  }

  private Path file(String id, String kind) {
    return dir.resolve(name(id) + "." + kind);
  }

  private static String name(String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
