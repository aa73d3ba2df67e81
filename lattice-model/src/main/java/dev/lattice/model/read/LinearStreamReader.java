package dev.lattice.model.read;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character reader over a text held in memory, in linear time.
 *
 * <p>Why: SnakeYAML's {@link StreamReader} (snakeyaml/snakeyaml,
 * {@code src/main/java/org/yaml/snakeyaml/reader/StreamReader.java}, 2.5) reads 1023 characters at
 * a time and, on every read, copies its whole window from the scanner's pointer on into a new
 * array ({@code Arrays.copyOfRange(dataWindow, pointer, dataLength + read)}). While the scanner
 * looks ahead through a scalar without a space — a base64 blob, a long token — the pointer stays
 * at the scalar's start, so each read copies everything read so far: quadratic in the scalar's
 * length (16 MB took 41 s). This reader keeps the text's code points in one array and only
 * <em>emulates</em> the window: it counts how far the original would have read, reading one more
 * 1023-character run exactly when the original would, so every observable result — the code
 * points and {@code NUL}s returned by {@link #peek(int)}, the strings of {@link #prefix(int)}, the
 * index, line and column, and the {@link ReaderException}s for non-printable characters and a
 * trailing high surrogate, thrown at the same moment — is the original's. Only {@link Mark}'s
 * snippet buffer differs (the whole text instead of the window); the reader never shows snippets.
 * {@code LinearStreamReaderTest} holds the equivalence over generated and mutated texts.
 *
 * <p>Known upstream: large text values slow since SnakeYAML 1.18
 * (https://github.com/FasterXML/jackson-dataformats-text/issues/67); the same window copy in the
 * Kotlin port, removed for {@code prefix} (https://github.com/krzema12/snakeyaml-engine-kmp/pull/331)
 * and a port that reads the whole source into one code-point array
 * (https://github.com/krzema12/snakeyaml-engine-kmp/issues/388); CodeQL's YAML extractor keeps a
 * file's code points in one {@code int[]} for the same reason (https://github.com/github/codeql/pull/1733).
 * No SnakeYAML issue about the quadratic copy itself was found.
 *
 * <p>Not thread-safe; one per parse.
 */
final class LinearStreamReader extends StreamReader {
  /** What the original reads per update: its buffer is 1024 characters and it asks for one fewer. */
  private static final int RUN = 1023;
  /** The name the original gives a {@code Reader} source (Jackson always passes one). */
  private static final String NAME = "'reader'";

  private final String text;
  private final int[] codePoints;
  /** Code points the original would hold (its window's end, as an absolute index). */
  private int loaded;
  /** Characters of {@link #text} the original would have read. */
  private int readChars;
  private boolean eof;
  /** The absolute index of the next code point (the original's window start plus its pointer). */
  private int pointer;
  private int documentIndex;
  private int line;
  private int column;

  LinearStreamReader(String text) {
    super(new StringReader(""));
    this.text = text;
    this.codePoints = codePoints(text);
  }

  /** {@code text.codePoints().toArray()} (an unpaired surrogate is its own code point), without a stream. */
  static int[] codePoints(String text) {
    int n = text.length();
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < n; k++) {
      int c = text.codePointAt(i);
      out[k] = c;
      i += Character.charCount(c);
    }
    return k == n ? out : java.util.Arrays.copyOf(out, k);
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, pointer, line, column, codePoints, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && ensureEnoughData(0); i++) {
      int c = codePoints[pointer++];
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && ensureEnoughData(0) && codePoints[pointer] != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return ensureEnoughData(0) ? codePoints[pointer] : 0;
  }

  @Override
  public int peek(int index) {
    return ensureEnoughData(index) ? codePoints[pointer + index] : 0;
  }

  @Override
  public String prefix(int length) {
    if (length == 0) {
      return "";
    }
    int available = ensureEnoughData(length) ? length : Math.min(length, loaded - pointer);
    return new String(codePoints, pointer, available);
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    pointer += length;
    documentIndex += length;
    column += length;
    return prefix;
  }

  /** As the original: one more run is read only when the data ends at or before {@code pointer + size}. */
  private boolean ensureEnoughData(int size) {
    if (!eof && pointer + size >= loaded) {
      update();
    }
    return pointer + size < loaded;
  }

  /** The original's {@code update()}: the next run of 1023 characters (one more to finish a surrogate pair). */
  private void update() {
    int read = Math.min(RUN, text.length() - readChars);
    if (read <= 0) {
      eof = true;
      return;
    }
    int windowEnd = loaded; // the original's cpIndex starts here (relative to its window: minus pointer)
    char last = text.charAt(readChars + read - 1);
    if (Character.isHighSurrogate(last)) {
      if (readChars + read == text.length()) {
        throw new ReaderException(NAME, pointer + read, last, "The last char is HighSurrogate (no LowSurrogate detected).");
      }
      read++;
    }
    int end = readChars + read;
    int nonPrintable = ' ';
    for (int i = readChars; i < end; windowEnd++) {
      int c = codePoints[windowEnd];
      if (StreamReader.isPrintable(c)) {
        i += Character.charCount(c);
      } else {
        nonPrintable = c;
        i = end;
      }
    }
    readChars = end;
    loaded = windowEnd;
    if (nonPrintable != ' ') {
      throw new ReaderException(NAME, windowEnd - pointer - 1, nonPrintable, "special characters are not allowed");
    }
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return pointer;
  }

  @Override
  public int getLine() {
    return line;
  }
}
