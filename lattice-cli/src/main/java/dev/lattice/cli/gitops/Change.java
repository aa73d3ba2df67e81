package dev.lattice.cli.gitops;

import java.util.Optional;

/** One file a command creates, updates or deletes: its path in the repository and both texts. */
public record Change(String path, Optional<String> before, Optional<String> after) {

  /** {@code created}, {@code updated} or {@code deleted}. */
  public String verb() {
    if (before.isEmpty()) {
      return "created";
    }
    return after.isEmpty() ? "deleted" : "updated";
  }
}
