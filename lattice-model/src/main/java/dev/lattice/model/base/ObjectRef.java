package dev.lattice.model.base;

import java.util.Objects;

/** A namespaced object's address, written {@code namespace/name}. */
public record ObjectRef(String namespace, String name) implements Comparable<ObjectRef> {
  public ObjectRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static ObjectRef of(String namespace, String name) {
    return new ObjectRef(namespace, name);
  }

  /** Parses {@code ns/name}, or {@code name} in {@code defaultNamespace}. */
  public static ObjectRef parse(String text, String defaultNamespace) {
    int slash = text.indexOf('/');
    return slash >= 0
        ? new ObjectRef(text.substring(0, slash), text.substring(slash + 1))
        : new ObjectRef(defaultNamespace, text);
  }

  /**
   * Written out: addresses are hashed on every declaration, edge and document. The record's own
   * formula ({@code 31 * namespace + name}) is the hash of the two strings run together, so
   * structured names ({@code ns-02/svc-0100}, {@code ns-01/svc-0131}) collide by the thousand and
   * hash maps fall back to trees; a large odd multiplier keeps the namespace's bits apart. (Nothing
   * Lattice writes depends on hash order: the generated fleets' output is the same either way.)
   */
  @Override
  public int hashCode() {
    return namespace.hashCode() * 0x9E3779B9 + name.hashCode();
  }

  /** Written out beside {@link #hashCode}; the record's generated one goes through method handles, which C1 does not inline. */
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof ObjectRef r && name.equals(r.name) && namespace.equals(r.namespace);
  }

  @Override
  public int compareTo(ObjectRef o) {
    if (this == o) {
      return 0;
    }
    int c = namespace == o.namespace ? 0 : namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
