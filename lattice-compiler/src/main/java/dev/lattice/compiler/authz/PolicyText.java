package dev.lattice.compiler.authz;

import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.SourcePosition;

/**
 * Maps an offset in a {@code CedarPolicy}'s {@code spec.policies} text to a position in its file.
 *
 * <p>The reader records where the value starts: for a block scalar ({@code policies: |}) that is
 * the {@code |} on the key's line, and the text begins on the next line, indented (by the YAML
 * convention this project follows) two columns deeper than the key. So a text containing a line
 * break is taken to be a literal block scalar: text line {@code i} (0-based) is file line
 * {@code valueLine + 1 + i}, and text column {@code c} (0-based) is file column
 * {@code keyColumn + 2 + c}. A one-line text is taken to be a plain scalar on the key's line:
 * file column {@code valueColumn + c} (one column early if it was quoted). Folded ({@code >})
 * scalars and other indentations are not recognised; their positions point at the right policy but
 * may be off in line or column. Values built in code keep {@link SourcePosition#UNKNOWN}.
 */
record PolicyText(String text, SourcePosition key, SourcePosition value) {
  static final String PATH = "spec.policies";

  static PolicyText of(SourcedObject object, String text) {
    return new PolicyText(text, object.sources().keyAt(PATH), object.sources().valueAt(PATH));
  }

  /** The file position of the character at {@code offset} in the text (clamped to the text). */
  SourcePosition at(int offset) {
    if (!value.isKnown()) {
      return value;
    }
    int off = Math.max(0, Math.min(offset, text.length()));
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < off; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = off - lineStart;
    if (text.indexOf('\n') >= 0) {
      return SourcePosition.of(value.file(), value.line() + 1 + line, key.column() + 2 + column);
    }
    return SourcePosition.of(value.file(), value.line(), value.column() + column);
  }

  /**
   * The char index in {@code s} of a UTF-8 byte offset (Cedar reports byte offsets); the end of
   * {@code s} when past it.
   */
  static int charIndex(String s, int byteOffset) {
    int bytes = 0;
    for (int i = 0; i < s.length(); ) {
      if (bytes >= byteOffset) {
        return i;
      }
      int cp = s.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += Character.charCount(cp);
    }
    return s.length();
  }
}
