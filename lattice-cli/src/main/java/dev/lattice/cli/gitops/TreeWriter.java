package dev.lattice.cli.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a command's changes under the repository root, under the {@link RepoLock} the command took
 * before reading. First it checks that every file is still as the command read it (someone's edit
 * in between is refused, never reverted) and that no file it writes is a symbolic link leading
 * outside the repository. Every file is written atomically: a temporary file in the same folder,
 * flushed to disk, then a rename over the target (the folder flushed too), so a reader (Flux, an editor, a crash) sees the old or the new file,
 * never half of one; a file reached through a symbolic link inside the repository is written where
 * the link points, so the link stays. The order keeps references whole at every step: new and
 * changed files before the {@code kustomization.yaml}s that list them, then deletions, the
 * kustomizations that stopped listing a file before the file, then folders that deleting emptied.
 * Temporary files a killed command left ({@code .lattice-*.tmp}) are removed first.
 */
public final class TreeWriter {
  private TreeWriter() {}

  public static void write(Path root, List<Change> changes) throws IOException, Refusal {
    Path realRoot = root.toRealPath();
    removeLeftovers(root);
    for (Change c : changes) {
      Path p = root.resolve(c.path());
      target(realRoot, p, c.path());
      Optional<String> now = Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
      if (!now.equals(c.before())) {
        throw new Refusal(c.path() + " changed since this command read it (edited by someone else?): nothing changed;"
            + " run the command again");
      }
    }
    List<Path> deleted = new ArrayList<>();
    for (Change c : order(changes)) {
      if (c.after().isPresent()) {
        writeAtomically(target(realRoot, root.resolve(c.path()), c.path()), c.after().get());
      } else {
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
   * The order the changes are made in, so that the repository is valid after each one (a crash at any
   * point leaves a repository {@code validate} accepts, at worst with warnings about what is not listed
   * yet): new and changed files first, then the kustomizations that list them (deeper folders first, as
   * paths sort), then the kustomizations that stop listing a file, then the files deleted.
   */
  public static List<Change> order(List<Change> changes) {
    List<Change> writes = new ArrayList<>(changes.stream().filter(c -> c.after().isPresent()).toList());
    writes.sort(Comparator.comparing(c -> isKustomization(c.path()))); // stable: kustomizations last
    List<Change> deletions = new ArrayList<>(changes.stream().filter(c -> c.after().isEmpty()).toList());
    deletions.sort(Comparator.comparing(c -> !isKustomization(c.path()))); // kustomizations first
    List<Change> out = new ArrayList<>(writes);
    out.addAll(deletions);
    return out;
  }

  private static boolean isKustomization(String path) {
    return path.equals("kustomization.yaml") || path.endsWith("/kustomization.yaml");
  }

  /** Where to write {@code p}: itself, or the file its symbolic link leads to when that is inside the repository. */
  private static Path target(Path realRoot, Path p, String path) throws IOException, Refusal {
    if (!Files.isSymbolicLink(p)) {
      return p;
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      throw new Refusal(path + " is a broken symbolic link (to " + Files.readSymbolicLink(p) + "): nothing changed");
    }
    if (!real.startsWith(realRoot)) {
      throw new Refusal(path + " is a symbolic link leading outside the repository (" + real
          + "): Lattice does not write there; nothing changed");
    }
    return real;
  }

  /** Deletes the {@code .lattice-*.tmp} files a killed command left (not looking into {@code .git}). */
  private static void removeLeftovers(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return dir.getFileName() != null && dir.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String n = file.getFileName().toString();
        if (attrs.isRegularFile() && n.startsWith(".lattice-") && n.endsWith(".tmp")) {
          Files.deleteIfExists(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
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
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(true); // the content is on disk before the rename makes it the file (a power cut keeps old or new)
      }
      if (Files.isRegularFile(target) && Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Flushes a folder's entries (the rename) to disk, where the platform allows opening a folder for
   * that (Linux, macOS); elsewhere the rename's durability is the file system's.
   */
  private static void syncDirectory(Path dir) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported here (e.g. Windows): nothing more to do
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
