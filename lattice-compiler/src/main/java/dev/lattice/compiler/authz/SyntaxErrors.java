package dev.lattice.compiler.authz;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.DetailedError;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where a policy text stops being Cedar. cedar-java 4.10.0 reports syntax errors of a whole
 * policy set without offsets, but reports them with byte offsets when a single policy fails to
 * parse during validation. So the text is split into statements (at {@code ;} outside strings and
 * comments) and each is parsed on its own; the first that fails gives the position.
 */
final class SyntaxErrors {
  /** A syntax error: its char offset in the text, Cedar's message and, when given, its expectation. */
  record SyntaxError(int offset, String message, Optional<String> expected) {}

  private static final String PREFIX = "from string: ";

  private SyntaxErrors() {}

  /** The first syntax error of {@code text}; {@code fallback} is the message when none is located. */
  static SyntaxError locate(String text, String fallback) {
    for (int[] span : statements(text)) {
      String chunk = text.substring(span[0], span[1]);
      if (isBlankOrComment(chunk)) {
        continue;
      }
      Optional<DetailedError> error = parseError(chunk);
      if (error.isPresent()) {
        DetailedError e = error.get();
        int at = e.sourceLocations.isEmpty() ? 0 : PolicyText.charIndex(chunk, e.sourceLocations.get(0).start);
        Optional<String> expected = e.sourceLocations.isEmpty() ? Optional.empty()
            : e.sourceLocations.get(0).label.filter(l -> !l.isBlank());
        return new SyntaxError(span[0] + at, clean(e.message), expected);
      }
    }
    return new SyntaxError(0, clean(fallback), Optional.empty());
  }

  /**
   * The statements of a policy text: spans ending after each {@code ;} that is outside string
   * literals and {@code //} comments (a trailing statement without {@code ;} is a span too), so
   * each policy, with its annotations and leading comments, is parsed on its own.
   */
  static java.util.List<int[]> statements(String text) {
    java.util.List<int[]> out = new java.util.ArrayList<>();
    int begin = 0;
    boolean inString = false;
    boolean inComment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inComment) {
        inComment = c != '\n';
      } else if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        inComment = true;
      } else if (c == ';') {
        out.add(new int[] {begin, i + 1});
        begin = i + 1;
      }
    }
    if (begin < text.length()) {
      out.add(new int[] {begin, text.length()});
    }
    return out;
  }

  private static boolean isBlankOrComment(String chunk) {
    return chunk.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("//"));
  }

  /** Cedar's parse error for {@code text} read as exactly one static policy, if it has one. */
  private static Optional<DetailedError> parseError(String text) {
    PolicySet one = new PolicySet(Set.of(new Policy(text, "p")));
    try {
      ValidationResponse r = new BasicAuthorizationEngine().validate(new ValidationRequest(LatticeSchema.get(), one));
      return r.errors.flatMap(es -> es.stream().findFirst());
    } catch (AuthException e) {
      return Optional.of(new DetailedError(e.getMessage(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty()));
    }
  }

  private static String clean(String message) {
    int i = message.indexOf(PREFIX);
    String m = i >= 0 ? message.substring(i + PREFIX.length()) : message;
    return m.replace("Internal error: ", "").replace("Internal JNI Error: ", "");
  }
}
