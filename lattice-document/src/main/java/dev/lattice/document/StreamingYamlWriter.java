package dev.lattice.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Function;

/**
 * Writes frozen document content ({@link Value}) as a multi-document YAML stream, byte for byte as {@link
 * DocumentWriter#yamlMapper()} (Jackson's YAML generator over SnakeYAML's emitter) writes them, at
 * a fraction of the cost: it walks the tree once, keeps the emitter's position facts in a {@link
 * YamlCursor}, makes Jackson's quoting decision ({@link Yaml11Quoting}) and then SnakeYAML's style
 * decision ({@link YamlScalarAnalysis}) for every scalar, and writes it ({@link YamlScalarText}).
 *
 * <p>Handles block mappings and sequences (sequences indented with their indicator), empty {@code
 * {}} and {@code []}, plain, single- and double-quoted strings, literal blocks, ints, longs,
 * booleans and nulls, and keys that cannot be simple ({@code ? key}). A document holding anything
 * else — an unpaired surrogate, another number type, binary or POJO nodes, a scalar root — is
 * written by the Jackson fallback instead, so the output is the same either way. The one intended difference from Jackson: text with U+0085, U+2028 or U+2029 is
 * double-quoted, because Jackson writes those breaks raw and they do not read back (see {@link
 * YamlScalarAnalysis}). Not thread-safe; one instance per stream.
 */
final class StreamingYamlWriter {
  private static final Yaml11Quoting QUOTING = new Yaml11Quoting();
  private static final int FLUSH_AT = 1 << 15;

  private final Writer out;
  private final Function<JsonNode, String> fallback;
  private final StringBuilder buffer = new StringBuilder(FLUSH_AT + (FLUSH_AT >> 1));
  private final YamlCursor cursor = new YamlCursor(buffer);
  private char[] transfer = new char[0];

  /** Writes to {@code out} (left open); {@code fallback} writes one document the way Jackson does. */
  StreamingYamlWriter(Writer out, Function<JsonNode, String> fallback) {
    this.out = out;
    this.fallback = fallback;
  }

  /** One document as a stream of its own, so as {@code ObjectMapper.writeValueAsString} writes it. */
  static String document(Value body, Function<JsonNode, String> fallback) {
    StreamingYamlWriter writer = new StreamingYamlWriter(null, fallback);
    writer.append(body);
    return writer.buffer.toString();
  }

  /** {@link #document(Value, Function)} of a Jackson tree (frozen first). */
  static String document(JsonNode body, Function<JsonNode, String> fallback) {
    return document(Value.of(body), fallback);
  }

  /** Appends one document ({@code ---} first) to the stream. */
  void write(Value body) throws IOException {
    append(body);
    if (buffer.length() >= FLUSH_AT) {
      flush();
    }
  }

  /** Hands everything written so far to the target writer. */
  void flush() throws IOException {
    int length = buffer.length();
    if (transfer.length < length) {
      transfer = new char[Math.max(length, FLUSH_AT * 2)];
    }
    buffer.getChars(0, length, transfer, 0);
    out.write(transfer, 0, length);
    buffer.setLength(0);
  }

  private void append(Value body) {
    int length = buffer.length();
    YamlCursor mark = cursor.snapshot();
    try {
      document(body);
    } catch (NotStreamable e) {
      cursor.restoreFrom(mark, length);
      appendFromFallback(body);
    }
  }

  private void document(Value body) {
    if (body instanceof Value.Scalar) {
      throw NotStreamable.INSTANCE;
    }
    endOpenDocument();
    cursor.writeIndent();
    cursor.indicator("---", true, false, false);
    node(body, false);
    cursor.writeIndent();
  }

  /** After a literal that keeps trailing blank lines, SnakeYAML marks the end of the document before the next one. */
  private void endOpenDocument() {
    if (cursor.openEnded) {
      cursor.indicator("...", true, false, false);
      cursor.writeIndent();
    }
  }

  /**
   * Jackson's text of a document is that of a stream of its own; in a longer stream it differs
   * only in the {@code ...} line after an open-ended document, and its own end is open exactly when
   * it ends in a blank line (a kept literal is the only thing that can leave one).
   */
  private void appendFromFallback(Value body) {
    endOpenDocument();
    String text = fallback.apply(body.toJson());
    buffer.append(text);
    cursor.column = 0;
    cursor.indent = YamlCursor.NO_INDENT;
    cursor.whitespace = true;
    cursor.indention = true;
    cursor.openEnded = text.endsWith("\n\n");
  }

  private void node(Value value, boolean mappingContext) {
    if (value instanceof Value.Mapping m) {
      if (m.size() == 0) {
        emptyFlow("{", "}");
      } else {
        mapping(m);
      }
    } else if (value instanceof Value.Sequence s) {
      if (s.size() == 0) {
        emptyFlow("[", "]");
      } else {
        sequence(s, mappingContext);
      }
    } else {
      scalar(((Value.Scalar) value).node());
    }
  }

  private void scalar(JsonNode node) {
    switch (node.getNodeType()) {
      case STRING -> string(node.textValue());
      case BOOLEAN -> YamlScalarText.write(cursor, node.booleanValue() ? "true" : "false", YamlScalarAnalysis.Style.PLAIN);
      case NULL -> YamlScalarText.write(cursor, "null", YamlScalarAnalysis.Style.PLAIN);
      case NUMBER -> {
        if (!node.isInt() && !node.isLong()) {
          throw NotStreamable.INSTANCE;
        }
        YamlScalarText.write(cursor, node.asText(), YamlScalarAnalysis.Style.PLAIN); // digits after an optional minus
      }
      default -> throw NotStreamable.INSTANCE;
    }
  }

  private void emptyFlow(String open, String close) {
    cursor.indicator(open, true, true, false);
    cursor.indicator(close, false, false, false);
  }

  private void mapping(Value.Mapping node) {
    int outer = cursor.increaseIndent(false, false);
    for (int i = 0, size = node.size(); i < size; i++) {
      cursor.writeIndent();
      key(node.key(i));
      node(node.value(i), true);
    }
    cursor.indent = outer;
  }

  /**
   * A simple key then {@code :}; a key that cannot be simple (empty, with a break, 128 characters
   * or more) as {@code ? key}, with the {@code :} on the next line.
   */
  private void key(String name) {
    if (isPlainWord(name)) {
      YamlScalarText.write(cursor, name, YamlScalarAnalysis.Style.PLAIN);
      cursor.indicator(":", false, false, false);
      return;
    }
    YamlScalarAnalysis analysis = YamlScalarAnalysis.of(name);
    if (analysis.unsupported()) {
      throw NotStreamable.INSTANCE;
    }
    YamlScalarAnalysis.Requested requested = QUOTING.needToQuoteName(name)
        ? YamlScalarAnalysis.Requested.DOUBLE_QUOTED : YamlScalarAnalysis.Requested.PLAIN;
    if (analysis.allowsSimpleKey(name)) {
      YamlScalarText.write(cursor, name, analysis.style(requested, true));
      cursor.indicator(":", false, false, false);
    } else {
      cursor.indicator("?", true, false, true);
      scalar(name, analysis, requested);
      cursor.writeIndent();
      cursor.indicator(":", true, false, true);
    }
  }

  /** A sequence in a mapping starts at the key's column; its items sit two further in, dash included. */
  private void sequence(Value.Sequence node, boolean mappingContext) {
    int outer = cursor.increaseIndent(false, mappingContext && !cursor.indention);
    boolean first = true;
    for (int i = 0, size = node.size(); i < size; i++) {
      Value item = node.item(i);
      cursor.writeIndent();
      if (first) {
        cursor.spaces(2);
      }
      cursor.indicator("-", true, false, true);
      if (first) {
        cursor.indent += 2;
        first = false;
      }
      node(item, false);
    }
    cursor.indent = outer;
  }

  private void string(String text) {
    if (isPlainWord(text)) {
      YamlScalarText.write(cursor, text, YamlScalarAnalysis.Style.PLAIN);
      return;
    }
    YamlScalarAnalysis analysis = YamlScalarAnalysis.of(text);
    if (analysis.unsupported()) {
      throw NotStreamable.INSTANCE;
    }
    scalar(text, analysis, requestedFor(text));
  }

  /** A scalar node outside a simple key: it gets its own indent, which only a literal block's lines show. */
  private void scalar(String text, YamlScalarAnalysis analysis, YamlScalarAnalysis.Requested requested) {
    int outer = cursor.increaseIndent(true, false);
    YamlScalarText.write(cursor, text, analysis.style(requested, false));
    cursor.indent = outer;
  }

  /**
   * The common case, decided without the full analysis: under 128 characters of {@code
   * [A-Za-z0-9_./-]} starting with a letter that begins no YAML 1.1 word ({@code yes}, {@code no},
   * {@code true}, {@code false}, {@code on}, {@code off}, {@code null}) and no number ({@code e3}).
   * No quoting rule and no indicator applies to such text, as key or value, so it is written plain.
   */
  static boolean isPlainWord(String text) {
    int length = text.length();
    if (length == 0 || length >= 128) {
      return false;
    }
    char first = text.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) || "eEyYnNtTfFoO".indexOf(first) >= 0) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '/' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Jackson's choice for a string value (MINIMIZE_QUOTES, ALWAYS_QUOTE_NUMBERS_AS_STRINGS, literal blocks). */
  private static YamlScalarAnalysis.Requested requestedFor(String text) {
    if (text.isEmpty()) {
      return YamlScalarAnalysis.Requested.DOUBLE_QUOTED;
    }
    if (text.indexOf('\n') >= 0) {
      return YamlScalarAnalysis.Requested.LITERAL;
    }
    return QUOTING.needToQuoteValue(text) || looksLikeNumber(text)
        ? YamlScalarAnalysis.Requested.DOUBLE_QUOTED : YamlScalarAnalysis.Requested.PLAIN;
  }

  /** Jackson's {@code [+-]?[0-9]*(\.[0-9]*)?} test, for strings starting with a sign, a dot or a digit. */
  static boolean looksLikeNumber(String text) {
    int i = 0;
    int length = text.length();
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      i++;
    } else if (text.charAt(0) != '.' && (text.charAt(0) < '0' || text.charAt(0) > '9')) {
      return false;
    }
    while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
    }
    return i == length;
  }

  /** The document holds something this writer leaves to Jackson. */
  private static final class NotStreamable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NotStreamable INSTANCE = new NotStreamable();

    private NotStreamable() {
      super("left to Jackson", null, false, false);
    }
  }
}
