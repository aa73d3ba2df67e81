package dev.lattice.document;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Quotes every string that a YAML 1.1 reader (as Kubernetes tools use) would take for something
 * else: numbers in any 1.1 spelling ({@code 1e3}, {@code e1000}, {@code 0x1F}, {@code 1_000},
 * {@code 1:30}), booleans ({@code yes}, {@code off}, {@code y}), nulls and infinities — on top of
 * what Jackson already quotes — and, as keys and values, timestamps ({@code 2001-12-14},
 * {@code 2001-12-14 21:59:43.10 -5}), the merge key {@code <<}, the value type {@code =} and the
 * float SnakeYAML sees in {@code ._} (and cannot construct). The resolvers this follows:
 * SnakeYAML's ({@code snakeyaml/snakeyaml src/main/java/org/yaml/snakeyaml/resolver/Resolver.java}:
 * BOOL, INT, FLOAT, MERGE, NULL, TIMESTAMP; it defines VALUE but registers no resolver for it) and
 * PyYAML's ({@code yaml/pyyaml lib/yaml/resolver.py}: the same, and {@code tag:yaml.org,2002:value}
 * for {@code =}, which {@code safe_load} refuses), after https://yaml.org/type/timestamp.html,
 * https://yaml.org/type/merge.html and https://yaml.org/type/value.html. Nothing else is quoted
 * that was not before: a string either reader already reads back as itself is written as it was.
 * Cheap character checks run before each pattern and only skip patterns that cannot match: both
 * writers ask this for every string.
 */
final class Yaml11Quoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO]?[0-7_]+"
          + "|[-+]?0[bB][01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern WORD = Pattern.compile(
      "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~");
  /** The YAML 1.1 timestamp, exactly as both resolvers spell it (a date alone needs two-digit month and day). */
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
      + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
      + "(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
  /** SnakeYAML's float {@code [-+]?\.[0-9_]+} without a digit: resolved as a float, then not a number. */
  private static final Pattern DOT_UNDERSCORES = Pattern.compile("[-+]?\\._+");

  @Override
  public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || otherYaml11Type(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    if (value.isEmpty()) {
      return true;
    }
    boolean numeric = !value.equals(".") && !value.equals("-") && !value.equals("+") && onlyNumberCharacters(value)
        && NUMBER.matcher(value).matches()
        && value.chars().anyMatch(c -> Character.isDigit(c) || c == 'i' || c == 'I' || c == 'a' || c == 'A');
    boolean word = value.length() <= 5 && "yYnNtTfFoO~".indexOf(value.charAt(0)) >= 0 && WORD.matcher(value).matches();
    return numeric || word || otherYaml11Type(value) || super.needToQuoteValue(value);
  }

  /** A timestamp, {@code <<}, {@code =} or {@code ._}: what the number and word rules above do not cover. */
  private static boolean otherYaml11Type(String s) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    char c = s.charAt(0);
    if (c >= '0' && c <= '9') {
      return n >= 8 && s.charAt(4) == '-' && TIMESTAMP.matcher(s).matches();
    }
    return s.equals("=") || s.equals("<<") || ((c == '.' || c == '-' || c == '+') && n >= 2 && s.indexOf('_') > 0
        && DOT_UNDERSCORES.matcher(s).matches());
  }

  /** A cheap necessary condition for {@code NUMBER}: every character is one the pattern can match. */
  private static boolean onlyNumberCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean possible = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
          || "+-_.:xXoOiInN".indexOf(c) >= 0;
      if (!possible) {
        return false;
      }
    }
    return true;
  }
}
