package dev.lattice.conformance;

/** JSON pointers written as the apiserver writes field paths: {@code .spec.ports[0]["app/x"]}. */
final class Paths {
  private Paths() {}

  static String dotted(String pointer) {
    if (pointer.isEmpty()) {
      return ".";
    }
    StringBuilder b = new StringBuilder();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String t = raw.replace("~1", "/").replace("~0", "~");
      if (t.matches("\\d+")) {
        b.append('[').append(t).append(']');
      } else if (t.matches("[A-Za-z_$][\\w$-]*")) {
        b.append('.').append(t);
      } else {
        b.append('[').append(Problems.quote(t)).append(']');
      }
    }
    return b.toString();
  }
}
