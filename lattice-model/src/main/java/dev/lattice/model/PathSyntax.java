package dev.lattice.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How diagnostics spell a value's place in its document: {@code spec.workload.containers.main},
 * {@code spec.ports[0]}, {@code metadata.labels["app.kubernetes.io/name"]}.
 */
public final class PathSyntax {
  private PathSyntax() {}

  /** The path of {@code key} inside {@code parent}. */
  public static String child(String parent, String key) {
    if (!simple(key)) {
      return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** Whether a key is written bare ({@code [A-Za-z0-9_-]+}) rather than as {@code ["..."]}. */
  static boolean simple(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The steps of a path as {@link #child} and {@link #item} write it: a key is a {@code String}, a
   * list index an {@code Integer}. {@code spec.ports[0]} is {@code ["spec", "ports", 0]}; {@code
   * labels["a.b/c"]} is {@code ["labels", "a.b/c"]}.
   */
  public static List<Object> steps(String path) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[' && i + 1 < n && path.charAt(i + 1) == '"') {
        StringBuilder key = new StringBuilder();
        int j = i + 2;
        while (j < n && path.charAt(j) != '"') {
          if (path.charAt(j) == '\\' && j + 1 < n) {
            j++;
          }
          key.append(path.charAt(j++));
        }
        steps.add(key.toString());
        i = Math.min(n, j + 2); // past "]
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        int end = close < 0 ? n : close;
        try {
          steps.add(Integer.parseInt(path.substring(i + 1, end)));
        } catch (NumberFormatException e) {
          steps.add(path.substring(i + 1, end));
        }
        i = end + 1;
      } else {
        int j = i;
        while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
          j++;
        }
        steps.add(path.substring(i, j));
        i = j;
      }
    }
    return steps;
  }

  /** The path of item {@code index} of the list at {@code parent}. */
  public static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
