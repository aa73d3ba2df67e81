package dev.lattice.emit.kubernetes;

import dev.lattice.document.ObjectNames;

/** ConfigMap keys for mounted files; every other name follows {@link ObjectNames}. */
final class Names {
  private Names() {}

  /** A ConfigMap key for a container's file: {@code main} + {@code /app/server.js} → {@code main_app_server.js}. */
  static String fileKey(String path) {
    String key = path.replaceAll("^/+", "").replaceAll("[^-._a-zA-Z0-9]", "_");
    return key.isEmpty() ? "file" : ObjectNames.bounded(key, 253);
  }
}
