package dev.lattice.model;

import java.util.regex.Pattern;

/**
 * How diagnostics spell a value's place in its document: {@code spec.workload.containers.main},
 * {@code spec.ports[0]}, {@code metadata.labels["app.kubernetes.io/name"]}.
 */
public final class PathSyntax {
  private static final Pattern SIMPLE = Pattern.compile("[A-Za-z0-9_-]+");

  private PathSyntax() {}

  /** The path of {@code key} inside {@code parent}. */
  public static String child(String parent, String key) {
    String seg = SIMPLE.matcher(key).matches() ? key : "[\"" + key.replace("\"", "\\\"") + "\"]";
    if (parent.isEmpty()) {
      return seg;
    }
    return seg.startsWith("[") ? parent + seg : parent + "." + seg;
  }

  /** The path of item {@code index} of the list at {@code parent}. */
  public static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
