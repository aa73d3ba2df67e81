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
    return records(kind).stream().map(Record::bytes).toList();
  }

  /**
   * One record: its file, the id its name encodes (empty when the name is not Base64 of UTF-8), its
   * bytes (null when the file could not be read: {@code problem} says why).
   */
  public record Record(Path file, java.util.Optional<String> id, byte[] bytes, String problem) {}

  /**
   * Every record of {@code kind}, oldest first (then by name); a file that cannot be read is returned
   * with its problem instead of failing the others.
   */
  public List<Record> records(String kind) {
    List<Record> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> records;
    try (Stream<Path> files = Files.list(dir)) {
      records = files.filter(p -> p.getFileName().toString().endsWith("." + kind))
          .sorted(Comparator.comparing(ProtoFileDir::modified).thenComparing(Path::getFileName)).toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot list the records in " + dir,
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
    for (Path p : records) {
      String name = p.getFileName().toString();
      java.util.Optional<String> id = decode(name.substring(0, name.length() - kind.length() - 1));
      try {
        out.add(new Record(p, id, Files.readAllBytes(p), null));
      } catch (IOException e) {
        out.add(new Record(p, id, null, "cannot read it: " + e));
      }
    }
    return out;
  }

  /**
   * Moves a damaged record aside to {@code <file>.bad} (then {@code .bad.1}, …): no reader of the
   * kind sees it again, and it is kept for the operator. Returns where it went.
   */
  public Path quarantine(Path file) {
    try {
      Path bad = file.resolveSibling(file.getFileName() + ".bad");
      for (int i = 1; Files.exists(bad, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
        bad = file.resolveSibling(file.getFileName() + ".bad." + i);
      }
      Files.move(file, bad, StandardCopyOption.ATOMIC_MOVE);
      return bad;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the damaged record " + file + " aside", e);
    }
  }

  /** The file name a record of {@code id} has, without its kind. */
  static String fileName(String id) {
    return name(id);
  }

  private static java.util.Optional<String> decode(String stem) {
    try {
      byte[] b = Base64.getUrlDecoder().decode(stem);
      String id = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
      return name(id).equals(stem) ? java.util.Optional.of(id) : java.util.Optional.empty();
    } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
      return java.util.Optional.empty();
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
