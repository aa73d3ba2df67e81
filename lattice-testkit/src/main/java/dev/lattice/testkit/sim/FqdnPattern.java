package dev.lattice.testkit.sim;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code toFQDNs} entry, matched against a host name as Cilium documents it: {@code matchName}
 * exactly; {@code matchPattern} where {@code *} alone matches every name, {@code *} inside a name
 * matches zero or more DNS characters but never the {@code .} separator, and a leading
 * {@code **.} matches one or more subdomain levels. Case-insensitive; a trailing dot is ignored.
 */
final class FqdnPattern {
  private static final String DNS_CHARS = "[a-z0-9_-]*";

  private final String text;
  private final Pattern pattern;

  private FqdnPattern(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  static FqdnPattern name(String name) {
    String n = normalise(name);
    return new FqdnPattern("matchName " + n, Pattern.compile(Pattern.quote(n)));
  }

  static FqdnPattern pattern(String glob) {
    String g = normalise(glob);
    if (g.equals("*")) {
      return new FqdnPattern("matchPattern *", Pattern.compile(".+"));
    }
    StringBuilder regex = new StringBuilder();
    String rest = g;
    if (rest.startsWith("**.")) {
      regex.append("(?:[a-z0-9_-]+\\.)+");
      rest = rest.substring(3);
    }
    for (char c : rest.toCharArray()) {
      if (c == '*') {
        regex.append(DNS_CHARS);
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new FqdnPattern("matchPattern " + g, Pattern.compile(regex.toString()));
  }

  boolean matches(String host) {
    return pattern.matcher(normalise(host)).matches();
  }

  private static String normalise(String s) {
    String n = s.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  @Override
  public String toString() {
    return text;
  }
}
