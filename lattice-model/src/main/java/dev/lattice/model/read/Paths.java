package dev.lattice.model.read;

/** JSON-path spelling used in diagnostics: {@code spec.workload.containers.main.files["/app/x"]}. */
final class Paths {
  private Paths() {}

  static String child(String parent, String key) {
    return dev.lattice.model.PathSyntax.child(parent, key);
  }

  static String snakeToCamel(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (c == '_') {
        upper = sb.length() > 0;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }
}
