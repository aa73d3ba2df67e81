package dev.lattice.compiler.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One emitted Kubernetes document: its identity and its body (the whole object, keys in the order
 * they are written). Bodies are built by emitters through {@link Json} and must not be changed
 * once the document is made.
 */
public record Document(String apiVersion, String kind, Optional<String> namespace, String name, ObjectNode body) {

  /** The output order: (apiVersion, kind, namespace, name); cluster-scoped documents first in a kind. */
  public static final Comparator<Document> ORDER = (a, b) -> {
    // (apiVersion, kind, namespace or "", name), written out: the compiler sorts every document it derives
    int c = a.apiVersion().compareTo(b.apiVersion());
    if (c == 0) {
      c = a.kind().compareTo(b.kind());
    }
    if (c == 0) {
      c = a.namespace().orElse("").compareTo(b.namespace().orElse(""));
    }
    return c != 0 ? c : a.name().compareTo(b.name());
  };

  public Document {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} for cluster-scoped documents. */
  public String id() {
    return kind + "/" + namespace.map(n -> n + "/").orElse("") + name;
  }
}
