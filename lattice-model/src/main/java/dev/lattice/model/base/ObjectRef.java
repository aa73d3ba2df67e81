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
   * Written out, with the record's own formula ({@code 31 * namespace + name}, so hash iteration
   * orders stay as they were): addresses are hashed and compared on every declaration, edge and
   * document, and the record's generated methods go through method handles, which the command
   * line's C1-only JIT does not inline.
   */
  @Override
  public int hashCode() {
    return 31 * namespace.hashCode() + name.hashCode();
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof ObjectRef r && name.equals(r.name) && namespace.equals(r.namespace);
  }

  @Override
  public int compareTo(ObjectRef o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
