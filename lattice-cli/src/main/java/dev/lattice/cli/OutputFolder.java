package dev.lattice.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a set of files under a folder ({@code compile --out}) so that a failure leaves no
 * half-written set: every file is first written into a hidden staging folder inside it
 * ({@code .lattice-staging-<id>/}, skipped by {@code validate} and {@code compile} as every hidden
 * folder is), and only when all are written — a full disk fails here — are they renamed into
 * place, one rename each (same file system, atomic). Other files in the folder are left alone; a
 * staging folder left by a killed run is removed by the next one. New files get the mode the
 * umask gives ({@code 0644} under {@code umask 022}), not the {@code 0600} of a JDK temporary file.
 */
final class OutputFolder {
  static final String STAGING_PREFIX = ".lattice-staging-";

  /** Writes one new file (the hook a test uses to fail like a full disk). */
  interface FileWriting {
    void write(Path file, String text) throws IOException;
  }

  /** Creates the file (CREATE_NEW, no attributes: mode 0666 minus the umask) and writes the text. */
  static final FileWriting NEW_FILE = (file, text) -> {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      w.write(text);
    }
  };

  /** Why nothing (or, at the last step, not everything) was written, for people, and the exit code. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    Refused(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  private final Path root;
  private final FileWriting writing;

  OutputFolder(Path root) {
    this(root, NEW_FILE);
  }

  OutputFolder(Path root, FileWriting writing) {
    this.root = root;
    this.writing = writing;
  }

  /** Writes every file (paths relative to the folder, in order); nothing is written when this throws before the renames. */
  void write(Map<String, String> files) throws Refused {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new Refused(LatticeCommand.USAGE, "--out " + root + " is not a folder (a file is there): give a folder, new or existing");
    }
    Path staging;
    try {
      Files.createDirectories(root);
      removeLeftovers();
      staging = Files.createDirectory(root.resolve(STAGING_PREFIX + UUID.randomUUID()));
    } catch (IOException e) {
      throw new Refused(LatticeCommand.INPUT_ERRORS, "cannot write under " + root + ": " + reason(e) + "; nothing written");
    }
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path staged = staging.resolve(f.getKey());
        Files.createDirectories(staged.getParent());
        writing.write(staged, f.getValue());
      }
      for (String relative : files.keySet()) { // a place taken by a folder, or a file where a folder belongs
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(target)) {
          throw new IOException(target + " is a folder");
        }
      }
    } catch (IOException e) {
      delete(staging);
      throw new Refused(LatticeCommand.INPUT_ERRORS, "cannot write under " + root + ": " + reason(e) + "; nothing written");
    }
    int moved = 0;
    try {
      for (String relative : files.keySet()) {
        Files.move(staging.resolve(relative), root.resolve(relative), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        moved++;
      }
    } catch (IOException e) {
      throw new Refused(LatticeCommand.INPUT_ERRORS, "cannot write under " + root + ": " + reason(e) + "; " + moved + " of "
          + files.size() + " files were written, the others are left in " + staging);
    }
    delete(staging);
  }

  private void removeLeftovers() throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, STAGING_PREFIX + "*")) {
      for (Path p : entries) {
        delete(p);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover staging folder is hidden and removed by the next run
    }
  }

  /** An I/O failure in words: "No space left on device", "Permission denied", "Read-only file system", "... exists". */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return (fs.getFile() != null ? fs.getFile() + ": " : "") + fs.getReason();
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException fs) {
      return fs.getFile() + " exists and is not a folder";
    }
    if (e instanceof java.nio.file.AccessDeniedException fs) {
      return fs.getFile() + ": permission denied";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
