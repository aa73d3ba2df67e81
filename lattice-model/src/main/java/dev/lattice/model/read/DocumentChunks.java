package dev.lattice.model.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a large multi-document YAML text into runs of whole documents that can be parsed on their
 * own, so both cores parse one big file. A cut is made only before a line that is exactly a
 * document marker ({@code ---} at the start of a line, followed by a space or the line's end): in
 * YAML such a line always starts a new document — it cannot continue a block scalar, and inside a
 * quoted scalar it is an error (YAML 1.2 §9.1.4 "c-forbidden"), which the reader handles by parsing
 * the whole text again in one piece. A text with directives ({@code %}) or document-end markers
 * ({@code ...}) is not cut.
 */
final class DocumentChunks {
  /** Texts shorter than this are parsed in one piece: cutting would cost more than it saves. */
  static final int MIN_CHUNK_CHARS = 256 * 1024;

  /** One run of documents and the line it starts on (1-based). */
  record Chunk(String text, int firstLine) {}

  private DocumentChunks() {}

  /** The runs of documents of {@code text}, at most {@code pieces} of roughly equal size; one when it cannot be cut. */
  static List<Chunk> cut(String text, int pieces) {
    if (pieces < 2 || text.length() < 2L * MIN_CHUNK_CHARS) {
      return List.of(new Chunk(text, 1));
    }
    int target = Math.max(MIN_CHUNK_CHARS, text.length() / pieces);
    List<Chunk> chunks = new ArrayList<>();
    int start = 0;
    int startLine = 1;
    int line = 1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) == '%' || text.startsWith("...", i) && endsMarker(text, i + 3)) {
        return List.of(new Chunk(text, 1));
      }
      boolean marker = text.startsWith("---", i) && endsMarker(text, i + 3);
      if (marker && i - start >= target) {
        chunks.add(new Chunk(text.substring(start, i), startLine));
        start = i;
        startLine = line;
      }
      int eol = text.indexOf('\n', i);
      if (eol < 0) {
        break;
      }
      i = eol + 1;
      line++;
    }
    chunks.add(new Chunk(text.substring(start), startLine));
    return chunks;
  }

  private static boolean endsMarker(String text, int at) {
    return at >= text.length() || text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\n'
        || text.charAt(at) == '\r';
  }
}
