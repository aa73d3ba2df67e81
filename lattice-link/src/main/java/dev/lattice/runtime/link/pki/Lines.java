package dev.lattice.runtime.link.pki;

/** Text of a damaged line, safe to log: control characters escaped, cut at 120 characters. */
final class Lines {
  private Lines() {}

  static String printable(String line) {
    StringBuilder b = new StringBuilder();
    for (char c : line.toCharArray()) {
      if (b.length() >= 120) {
        return b + "…";
      }
      b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }
}
