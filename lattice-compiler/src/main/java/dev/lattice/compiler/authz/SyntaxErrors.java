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
 * parse during validation. So the text is walked one policy at a time: parse the rest as one
 * policy; if the error's offset ends a prefix that is itself one valid policy, the error was only
 * the start of the next policy, so continue from there; otherwise the error is real.
 */
final class SyntaxErrors {
  /** A syntax error: its char offset in the text, Cedar's message and, when given, its expectation. */
  record SyntaxError(int offset, String message, Optional<String> expected) {}

  private static final String PREFIX = "from string: ";

  private SyntaxErrors() {}

  /** The first syntax error of {@code text}; {@code fallback} is the message when none is located. */
  static SyntaxError locate(String text, String fallback) {
    int base = 0;
    while (base < text.length() && !text.substring(base).isBlank()) {
      String rest = text.substring(base);
      Optional<DetailedError> error = parseError(rest);
      if (error.isEmpty()) {
        break;
      }
      DetailedError e = error.get();
      int at = e.sourceLocations.isEmpty() ? 0 : PolicyText.charIndex(rest, e.sourceLocations.get(0).start);
      if (at > 0 && !rest.substring(0, at).isBlank() && parseError(rest.substring(0, at)).isEmpty()) {
        base += at;
        continue;
      }
      Optional<String> expected = e.sourceLocations.isEmpty() ? Optional.empty()
          : e.sourceLocations.get(0).label.filter(l -> !l.isBlank());
      return new SyntaxError(base + at, clean(e.message), expected);
    }
    return new SyntaxError(base, clean(fallback), Optional.empty());
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
