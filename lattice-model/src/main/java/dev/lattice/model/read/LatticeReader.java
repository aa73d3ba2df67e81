package dev.lattice.model.read;

import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.diagnostics.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Reads Lattice documents from YAML (multi-document) and JSON: strings, streams, files and
 * directories (recursively, {@code .yaml}/{@code .yml}/{@code .json}, in sorted order). Never
 * throws for bad input: every problem is a {@link Diagnostic} with a position. Thread-safe and
 * stateless.
 *
 * <p>Files are read in parallel, and a large multi-document file is cut into runs of documents
 * ({@link DocumentChunks}) read in parallel; results are joined in input order, so objects and
 * diagnostics are exactly those of reading everything in order on one thread.
 */
public final class LatticeReader {
  /**
   * The default input limit, in bytes per file or stream (characters per text given as a string):
   * 256 MiB. A larger input is refused with {@code LAT1040} before it is read, instead of running
   * the JVM out of memory; {@link #LatticeReader(long)} raises it.
   */
  public static final long DEFAULT_MAX_INPUT_BYTES = 256L * 1024 * 1024;

  private final long maxInputBytes;
  private final TreeParser.Factories factories;

  /** A reader with the default input limit ({@link #DEFAULT_MAX_INPUT_BYTES}). */
  public LatticeReader() {
    this(DEFAULT_MAX_INPUT_BYTES);
  }

  /** A reader refusing any file, stream or text over {@code maxInputBytes} ({@code LAT1040}). */
  public LatticeReader(long maxInputBytes) {
    if (maxInputBytes < 1) {
      throw new IllegalArgumentException("the input limit must be positive, not " + maxInputBytes);
    }
    this.maxInputBytes = maxInputBytes;
    this.factories = TreeParser.Factories.of(maxInputBytes);
  }

  /** The limit this reader enforces, in bytes. */
  public long maxInputBytes() {
    return maxInputBytes;
  }

  /** The model record a Lattice kind is read into (the reader's own table: one binding per kind). */
  public static Class<? extends dev.lattice.model.LatticeObject> modelType(dev.lattice.model.Kind kind) {
    return DocumentReader.type(kind);
  }

  /** Reads one text; {@code name} is used in positions and decides JSON ({@code .json}) or YAML. */
  public ReadResult readString(String name, String text) {
    Diagnostics diagnostics = new Diagnostics();
    List<SourcedObject> objects = new ArrayList<>();
    if (text.length() > maxInputBytes) {
      diagnostics.add(tooLarge(name, text.length() + " characters"));
    } else {
      readInto(name, text, objects, diagnostics);
    }
    return new ReadResult(objects, diagnostics.sorted());
  }

  /** Reads a stream fully as UTF-8. */
  public ReadResult readStream(String name, InputStream in) {
    Diagnostics diagnostics = new Diagnostics();
    List<SourcedObject> objects = new ArrayList<>();
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxInputBytes + 1));
      if (bytes.length > maxInputBytes) {
        diagnostics.add(tooLarge(name, "more than " + bytes(maxInputBytes)));
      } else {
        readInto(name, decode(bytes), objects, diagnostics);
      }
    } catch (IOException e) {
      diagnostics.add(unreadable(name, e));
    }
    return new ReadResult(objects, diagnostics.sorted());
  }

  /** Reads files and directories, in the order given; directories in sorted path order. */
  public ReadResult readPaths(List<Path> paths) {
    Diagnostics diagnostics = new Diagnostics();
    List<Object> work = new ArrayList<>(); // a Path to read, or a Diagnostic of expanding one, in order
    for (Path p : paths) {
      Diagnostics expanding = new Diagnostics();
      work.addAll(expand(p, expanding));
      work.addAll(expanding.sorted());
    }
    List<Part> parts = work.parallelStream().map(w -> w instanceof Path file ? readFile(file) : Part.of((Diagnostic) w)).toList();
    List<SourcedObject> objects = new ArrayList<>();
    parts.forEach(part -> part.addTo(objects, diagnostics));
    return new ReadResult(objects, diagnostics.sorted());
  }

  private Part readFile(Path file) {
    Diagnostics diagnostics = new Diagnostics();
    List<SourcedObject> objects = new ArrayList<>();
    try {
      if (!Files.isRegularFile(file)) { // a FIFO, /dev/stdin: read as a stream, up to the limit
        try (InputStream in = Files.newInputStream(file)) {
          byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxInputBytes + 1));
          if (bytes.length > maxInputBytes) {
            diagnostics.add(tooLarge(display(file), "more than " + bytes(maxInputBytes)));
          } else {
            readInto(display(file), decode(bytes), objects, diagnostics);
          }
        }
        return new Part(objects, diagnostics);
      }
      long size = Files.size(file);
      if (size > maxInputBytes) {
        diagnostics.add(tooLarge(display(file), bytes(size)));
        return new Part(objects, diagnostics);
      }
      readInto(display(file), decode(Files.readAllBytes(file)), objects, diagnostics);
    } catch (IOException e) {
      diagnostics.add(unreadable(display(file), e));
    }
    return new Part(objects, diagnostics);
  }

  /** What one file or one run of documents gave: objects and diagnostics in reading order. */
  private record Part(List<SourcedObject> objects, Diagnostics diagnostics) {
    static Part of(Diagnostic d) {
      Diagnostics one = new Diagnostics();
      one.add(d);
      return new Part(List.of(), one);
    }

    void addTo(List<SourcedObject> allObjects, Diagnostics allDiagnostics) {
      allObjects.addAll(objects);
      allDiagnostics.addAll(diagnostics.inOrder());
    }

    boolean syntaxError() {
      return diagnostics.inOrder().stream().anyMatch(d -> d.code().equals(Codes.SYNTAX));
    }
  }

  private void readInto(String name, String text, List<SourcedObject> objects, Diagnostics diagnostics) {
    boolean json = TreeParser.isJson(name);
    List<DocumentChunks.Chunk> chunks = json ? List.of() : DocumentChunks.cut(text, 2 * Runtime.getRuntime().availableProcessors());
    if (chunks.size() > 1) {
      List<Part> parts = chunks.parallelStream().map(c -> readChunk(name, c)).toList();
      if (parts.stream().noneMatch(Part::syntaxError)) {
        parts.forEach(part -> part.addTo(objects, diagnostics));
        return;
      }
      // a syntax error: read the text in one piece, so that the error is reported as a single pass sees it
    }
    Part whole = readChunk(name, new DocumentChunks.Chunk(text, 1), json);
    whole.addTo(objects, diagnostics);
  }

  /** {@code LAT1040}: an input over the limit, refused unread. */
  private Diagnostic tooLarge(String name, String size) {
    return Diagnostic.error(Codes.INPUT_TOO_LARGE, "input too large: " + size + ", over the limit of " + bytes(maxInputBytes),
        "split it into smaller files, or raise the limit (lattice: --max-input-size)", SourcePosition.startOf(name), "");
  }

  /** A byte count for people: {@code 256 MiB}, {@code 1.5 GiB}, {@code 300 bytes}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + (n == 1 ? " byte" : " bytes");
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v)) + " " + units[u];
  }

  /** Reads a text in one piece on this thread: what {@link #readString} must equal (for tests). */
  static ReadResult readInOnePiece(String name, String text) {
    Part whole = new LatticeReader().readChunk(name, new DocumentChunks.Chunk(text, 1), TreeParser.isJson(name));
    return new ReadResult(whole.objects(), whole.diagnostics().sorted());
  }

  private Part readChunk(String name, DocumentChunks.Chunk chunk) {
    return readChunk(name, chunk, false);
  }

  private Part readChunk(String name, DocumentChunks.Chunk chunk, boolean json) {
    Diagnostics diagnostics = new Diagnostics();
    List<SourcedObject> objects = new ArrayList<>();
    TreeParser parser = new TreeParser(name, diagnostics, chunk.firstLine(), factories);
    DocumentReader reader = new DocumentReader(diagnostics);
    for (Node doc : parser.parse(chunk.text(), json)) {
      reader.read(doc).ifPresent(objects::add);
    }
    return new Part(objects, diagnostics);
  }

  /**
   * The files a path names: itself when it is a regular file or any other readable non-folder (a
   * FIFO, {@code /dev/stdin}: read as a stream); a folder's input files, walked in sorted order
   * following symbolic links, with loop detection ({@code LAT1041}), hidden files and folders
   * skipped, and entries with an input name that are not regular files — a FIFO, a socket, a
   * broken link — skipped with a warning ({@code LAT1042}), since reading them could block.
   */
  private static List<Path> expand(Path p, Diagnostics diagnostics) {
    if (Files.isDirectory(p)) {
      return walk(p, diagnostics);
    }
    if (Files.exists(p)) {
      return List.of(p);
    }
    String why = Files.isSymbolicLink(p) ? "broken symbolic link: " + p + " points to " + linkTarget(p) : "no such file or directory: " + p;
    diagnostics.add(Diagnostic.error(Codes.UNREADABLE, why, "check the path", SourcePosition.startOf(display(p)), ""));
    return List.of();
  }

  private static List<Path> walk(Path root, Diagnostics diagnostics) {
    List<Path> files = new ArrayList<>();
    try {
      // FOLLOW_LINKS: a linked folder reads like the folder; the JDK detects a link back to an
      // ancestor and reports FileSystemLoopException instead of descending (Files.walkFileTree)
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && hidden(root, dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (hidden(root, file) || !isInputFile(file)) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isRegularFile()) {
            files.add(file);
          } else {
            String what = attrs.isSymbolicLink() ? "a broken symbolic link (to " + linkTarget(file) + ")" : "not a regular file (a FIFO, socket or device)";
            diagnostics.add(Diagnostic.warning(Codes.NOT_A_REGULAR_FILE, file + " is " + what + "; skipped",
                "name it on the command line to read it as a stream, or remove it", SourcePosition.startOf(display(file)), ""));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (hidden(root, file)) {
            return FileVisitResult.CONTINUE;
          }
          if (e instanceof FileSystemLoopException) {
            diagnostics.add(Diagnostic.warning(Codes.LINK_LOOP, "symbolic link loop: " + file + " leads back to a folder being read; not followed",
                "remove the link, or point it outside the folder", SourcePosition.startOf(display(file)), ""));
          } else {
            diagnostics.add(Diagnostic.error(Codes.UNREADABLE, "cannot read " + file + ": " + e.getMessage(),
                "check permissions", SourcePosition.startOf(display(file)), ""));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      diagnostics.add(Diagnostic.error(Codes.UNREADABLE, "cannot list " + root + ": " + e.getMessage(),
          "check permissions", SourcePosition.startOf(display(root)), ""));
      return List.of();
    }
    return files.stream().sorted().toList();
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "?";
    }
  }

  /**
   * Whether a file found by walking {@code root} is hidden — its name or a folder between {@code root}
   * and it starts with a dot ({@code .git}, {@code .lattice/config.yaml}); such files are skipped. A
   * hidden file named on the command line is read.
   */
  static boolean hidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a file in a directory is read: {@code .yaml}, {@code .yml} or {@code .json}. */
  public static boolean isInputFile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }

  private static Diagnostic unreadable(String name, IOException e) {
    String why = e instanceof CharacterCodingException ? "the file is not UTF-8 text" : "cannot read: " + e.getMessage();
    return Diagnostic.error(Codes.UNREADABLE, why, "save the file as UTF-8 YAML or JSON",
        SourcePosition.startOf(name), "");
  }

  private static String display(Path p) {
    return p.normalize().toString();
  }
}
