package dev.lattice.runtime.fleet;

import dev.lattice.model.Kind;
import java.util.Optional;

/** A Lattice object's identity: {@code Kind/namespace/name}, or {@code Kind/name} when cluster-scoped. */
public record ObjectKey(Kind kind, Optional<String> namespace, String name) implements Comparable<ObjectKey> {

  public static ObjectKey of(Kind kind, String namespace, String name) {
    return new ObjectKey(kind, kind.namespaced() ? Optional.of(namespace == null ? "default" : namespace) : Optional.empty(), name);
  }

  /** Parses {@link #toString()}; empty when the text is not a key. */
  public static Optional<ObjectKey> parse(String text) {
    String[] parts = text.split("/");
    Optional<Kind> kind = parts.length < 2 ? Optional.empty() : Kind.fromWire(parts[0]);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    if (kind.get().namespaced()) {
      return parts.length == 3 ? Optional.of(of(kind.get(), parts[1], parts[2])) : Optional.empty();
    }
    return parts.length == 2 ? Optional.of(of(kind.get(), null, parts[1])) : Optional.empty();
  }

  @Override
  public String toString() {
    return kind.wire() + "/" + namespace.map(n -> n + "/").orElse("") + name;
  }

  @Override
  public int compareTo(ObjectKey o) {
    return toString().compareTo(o.toString());
  }
}
