package dev.lattice.model.diagnostics;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" hints from edit distance, as kubectl and compilers give them. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate within a distance that still reads as a typo, as a hint sentence. */
  public static Optional<String> didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "did you mean '" + c + "'?");
  }

  /** The closest candidate, when it is near enough to be what was meant. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = word.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""));
      d = Math.min(d, distance(w.replace("-", "").replace("_", ""), c.toLowerCase(Locale.ROOT)));
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, word.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
