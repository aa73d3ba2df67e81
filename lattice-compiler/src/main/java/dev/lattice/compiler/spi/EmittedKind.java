package dev.lattice.compiler.spi;

/**
 * A kind of document an emitter produces, with what a client needs to address it without discovery:
 * its plural and whether it is namespaced. Emitters declare theirs ({@link Emitter#kinds}); the
 * compiler refuses a document of an undeclared kind, and the controller's catalogue of applied and
 * pruned kinds, and so its ClusterRole, is the union of the declarations.
 */
public record EmittedKind(String apiVersion, String kind, String plural, boolean namespaced) {
  public static EmittedKind namespaced(String apiVersion, String kind, String plural) {
    return new EmittedKind(apiVersion, kind, plural, true);
  }

  public static EmittedKind clusterScoped(String apiVersion, String kind, String plural) {
    return new EmittedKind(apiVersion, kind, plural, false);
  }

  /** Whether {@code apiVersion} and {@code kind} name this kind. */
  public boolean is(String apiVersion, String kind) {
    return this.apiVersion.equals(apiVersion) && this.kind.equals(kind);
  }
}
