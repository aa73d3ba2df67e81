package dev.lattice.cli.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a command's changes under the repository root. Every file is written atomically: a
 * temporary file in the same folder, then a rename over the target, so a reader (Flux, an editor,
 * a crash) sees the old or the new file, never half of one. New and changed files go first,
 * deletions last, then folders that deleting emptied. The changes were validated before this runs.
 */
public final class TreeWriter {
  private TreeWriter() {}

  public static void write(Path root, List<Change> changes) throws IOException {
    List<Path> deleted = new ArrayList<>();
    for (Change c : changes) {
      if (c.after().isPresent()) {
        writeAtomically(root.resolve(c.path()), c.after().get());
      }
    }
    for (Change c : changes) {
      if (c.after().isEmpty()) {
        Path p = root.resolve(c.path());
        Files.deleteIfExists(p);
        deleted.add(p.getParent());
      }
    }
    for (Path dir : deleted) {
      removeEmpty(root, dir);
    }
  }

  /**
   * A temporary file created without attributes (mode 0666 minus the umask, where {@code
   * Files.createTempFile} would give 0600), given the mode of the file it replaces, then renamed
   * over it: a new file gets the umask's mode, a changed file keeps its own.
   */
  static void writeAtomically(Path target, String text) throws IOException {
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(".lattice-" + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      if (Files.isRegularFile(target) && Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void removeEmpty(Path root, Path dir) throws IOException {
    Path d = dir;
    while (d != null && d.startsWith(root) && !d.equals(root) && Files.isDirectory(d)) {
      try (Stream<Path> entries = Files.list(d)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(d);
      d = d.getParent();
    }
  }
}
