package dev.lattice.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One emitted Kubernetes document: its identity and its content (the whole object, keys in the
 * order they are written), frozen when the document is made. Emitters build the content as a
 * Jackson draft through {@link Json}; {@link #of} copies the draft into a compact immutable {@link
 * Value}, so a document that the incremental compiler keeps between runs, or that several threads
 * write, cannot be changed by anyone. Changed copies come from {@link #with}; {@link #json()} gives
 * a fresh Jackson copy to code that hands documents to Jackson-based clients.
 */
public final class Document {

  /** The output order: (apiVersion, kind, namespace, name); cluster-scoped documents first in a kind. */
  public static final Comparator<Document> ORDER = (a, b) -> {
    // (apiVersion, kind, namespace or "", name), written out: the compiler sorts every document it
    // derives; emitters name apiVersion and kind with constants, so most pairs share those strings
    int c = compare(a.apiVersion, b.apiVersion);
    if (c == 0) {
      c = compare(a.kind, b.kind);
    }
    if (c == 0) {
      c = compare(a.namespace.orElse(""), b.namespace.orElse(""));
    }
    return c != 0 ? c : compare(a.name, b.name);
  };

  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b); // String.compareTo walks equal strings to their end
  }

  private final String apiVersion;
  private final String kind;
  private final Optional<String> namespace;
  private final String name;
  private final Value.Mapping content;

  private Document(String apiVersion, String kind, Optional<String> namespace, String name, Value.Mapping content) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.name = Objects.requireNonNull(name, "name");
    this.content = Objects.requireNonNull(content, "content");
  }

  /** A document whose content is a frozen copy of {@code draft}; later changes to the draft do not reach it. */
  public static Document of(String apiVersion, String kind, Optional<String> namespace, String name, ObjectNode draft) {
    return new Document(apiVersion, kind, namespace, name, Value.Mapping.of(Objects.requireNonNull(draft, "draft")));
  }

  public String apiVersion() {
    return apiVersion;
  }

  public String kind() {
    return kind;
  }

  public Optional<String> namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** The frozen content. */
  public Value.Mapping content() {
    return content;
  }

  /** A fresh Jackson copy of the content, the caller's to change. */
  public ObjectNode json() {
    return content.toJson();
  }

  /** The text at a path of keys (for example {@code "metadata", "labels", "app"}), or empty. */
  public Optional<String> text(String... keys) {
    return content.at(keys).flatMap(Value::text);
  }

  /** A copy with the same identity whose content is this one's after {@code change} (applied to a fresh draft). */
  public Document with(Consumer<ObjectNode> change) {
    ObjectNode draft = json();
    change.accept(draft);
    return new Document(apiVersion, kind, namespace, name, Value.Mapping.of(draft));
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} for cluster-scoped documents. */
  public String id() {
    return kind + "/" + namespace.map(n -> n + "/").orElse("") + name;
  }

  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof Document d && apiVersion.equals(d.apiVersion) && kind.equals(d.kind)
        && namespace.equals(d.namespace) && name.equals(d.name) && content.equals(d.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, namespace, name, content);
  }

  @Override
  public String toString() {
    return id();
  }
}
