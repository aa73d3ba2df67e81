package dev.lattice.conformance;

/**
 * One problem with one document: where it is (file, document index from 0, line and column from
 * 1), which object it is about, the path inside it ({@code .spec.ports[0].name}) and what is wrong.
 *
 * @param type what kind of problem: the document breaks its schema or the apiserver's rules, its
 *     kind has no schema, or it cannot be read at all
 */
public record Violation(
    String file, int document, String apiVersion, String kind, String name, String path, String message,
    int line, int column, Type type) {

  /** What kind of problem a violation is. */
  public enum Type {
    /** The document breaks its kind's schema or a rule the apiserver applies. */
    INVALID,
    /** No schema is known for the document's apiVersion and kind. */
    UNKNOWN_KIND,
    /** The document is not readable YAML or JSON, or not an object. */
    UNREADABLE,
    /** No schema is known for the kind, and unknown kinds are allowed: the document was not checked. */
    SKIPPED
  }

  /** The line validate-k8s would print for this problem ({@code FILE#doc apiVersion/kind name: path: message}). */
  public String toValidateK8sLine() {
    return file + "#" + document + " " + apiVersion + "/" + kind + " " + name + ": " + path + ": " + message;
  }
}
