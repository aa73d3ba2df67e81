package dev.lattice.runtime.link.agent;

import dev.lattice.runtime.link.proto.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A {@link ResultJournal} in a directory: one file per unacknowledged result, named by the
 * URL-safe Base64 of its command id, holding the protobuf bytes; written to a temporary file and
 * moved into place, deleted on acknowledgement. Loaded oldest first. A crash between running a
 * command and {@link #saved} loses that run (the cell re-sends the pending command after the
 * restart; it runs again).
 */
public final class FileResultJournal implements ResultJournal {
  private final Path dir;

  public FileResultJournal(Path dir) {
    this.dir = dir;
  }

  @Override
  public synchronized Map<String, CommandResult> load() {
    Map<String, CommandResult> out = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> results = files.filter(p -> p.getFileName().toString().endsWith(".result"))
          .sorted(Comparator.comparing(FileResultJournal::modified)).toList();
      for (Path p : results) {
        CommandResult r = CommandResult.parseFrom(Files.readAllBytes(p));
        out.put(r.getCommandId(), r);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the results in " + dir, e);
    }
  }

  @Override
  public synchronized void saved(CommandResult result) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(name(result.getCommandId()) + ".tmp");
      Files.write(tmp, result.toByteArray());
      Files.move(tmp, file(result.getCommandId()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the result of " + result.getCommandId(), e);
    }
  }

  @Override
  public synchronized void acknowledged(String commandId) {
    try {
      Files.deleteIfExists(file(commandId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot forget the result of " + commandId, e);
    }
  }

  private Path file(String id) {
    return dir.resolve(name(id) + ".result");
  }

  private static String name(String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static java.nio.file.attribute.FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
