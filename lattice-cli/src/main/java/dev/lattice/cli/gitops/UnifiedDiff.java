package dev.lattice.cli.gitops;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} style, three lines of context) of one {@link Change}, for
 * {@code --dry-run}. Longest common subsequence over lines; the files Lattice edits are small.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  public static String of(Change c) {
    List<String> a = lines(c.before().orElse(""));
    List<String> b = lines(c.after().orElse(""));
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(c.before().isPresent() ? "a/" + c.path() : "/dev/null").append('\n');
    out.append("+++ ").append(c.after().isPresent() ? "b/" + c.path() : "/dev/null").append('\n');
    List<char[]> ops = script(a, b);
    List<Integer> changed = new ArrayList<>();
    for (int k = 0; k < ops.size(); k++) {
      if (ops.get(k)[0] != ' ') {
        changed.add(k);
      }
    }
    int k = 0;
    while (k < changed.size()) {
      int first = changed.get(k);
      int last = first;
      while (k + 1 < changed.size() && changed.get(k + 1) - last <= 2 * CONTEXT + 1) {
        last = changed.get(++k);
      }
      hunk(out, ops, Math.max(0, first - CONTEXT), Math.min(ops.size(), last + CONTEXT + 1), a, b);
      k++;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<char[]> ops, int start, int end, List<String> a, List<String> b) {
    int aStart = 0;
    int bStart = 0;
    for (int k = 0; k < start; k++) {
      aStart += ops.get(k)[0] != '+' ? 1 : 0;
      bStart += ops.get(k)[0] != '-' ? 1 : 0;
    }
    int aLen = 0;
    int bLen = 0;
    StringBuilder body = new StringBuilder();
    for (int k = start; k < end; k++) {
      char op = ops.get(k)[0];
      String line = op == '+' ? b.get(bStart + bLen) : a.get(aStart + aLen);
      body.append(op).append(line).append('\n');
      aLen += op != '+' ? 1 : 0;
      bLen += op != '-' ? 1 : 0;
    }
    out.append("@@ -").append(aLen == 0 ? aStart : aStart + 1).append(',').append(aLen)
        .append(" +").append(bLen == 0 ? bStart : bStart + 1).append(',').append(bLen).append(" @@\n").append(body);
  }

  /** The edit script: ' ' keep, '-' delete from a, '+' insert from b, in order. */
  private static List<char[]> script(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<char[]> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'});
        i++;
      } else {
        ops.add(new char[] {'+'});
        j++;
      }
    }
    return ops;
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String[] parts = text.split("\n", -1);
    return List.of(parts).subList(0, text.endsWith("\n") ? parts.length - 1 : parts.length);
  }
}
