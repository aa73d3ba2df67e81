package dev.lattice.compiler.document;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Quotes every string that a YAML 1.1 reader (as Kubernetes tools use) would take for something
 * else: numbers in any 1.1 spelling ({@code 1e3}, {@code e1000}, {@code 0x1F}, {@code 1_000},
 * {@code 1:30}), booleans ({@code yes}, {@code off}, {@code y}), nulls and infinities — on top of
 * what Jackson already quotes. Cheap character checks run before each pattern and only skip
 * patterns that cannot match: both writers ask this for every string.
 */
final class Yaml11Quoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO]?[0-7_]+"
          + "|[-+]?0[bB][01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern WORD = Pattern.compile(
      "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~");

  @Override
  public boolean needToQuoteValue(String value) {
    if (value.isEmpty()) {
      return true;
    }
    boolean numeric = !value.equals(".") && !value.equals("-") && !value.equals("+") && onlyNumberCharacters(value)
        && NUMBER.matcher(value).matches()
        && value.chars().anyMatch(c -> Character.isDigit(c) || c == 'i' || c == 'I' || c == 'a' || c == 'A');
    boolean word = value.length() <= 5 && "yYnNtTfFoO~".indexOf(value.charAt(0)) >= 0 && WORD.matcher(value).matches();
    return numeric || word || super.needToQuoteValue(value);
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
