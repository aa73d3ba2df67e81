package dev.lattice.runtime.link.cli;

/** A {@code HOST:PORT} option value. */
record HostPort(String host, int port) {
  static HostPort parse(String text) {
    int i = text.lastIndexOf(':');
    if (i <= 0 || i == text.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, got " + text);
    }
    return new HostPort(text.substring(0, i), Integer.parseInt(text.substring(i + 1)));
  }
}
