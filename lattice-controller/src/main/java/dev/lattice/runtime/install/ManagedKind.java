package dev.lattice.runtime.install;

import java.util.List;
import java.util.Optional;

/**
 * A kind of document the compiler emits and the controller applies and prunes: the catalogue the
 * ClusterRole is generated from and the applier addresses resources by (no discovery calls).
 */
public record ManagedKind(String apiVersion, String kind, String plural, boolean namespaced) {

  /**
   * Every kind the bundled emitters declare ({@link dev.lattice.compiler.spi.Emitter#kinds}, found
   * with {@link java.util.ServiceLoader}), in emitter-name order, each once. The compiler refuses a
   * document of an undeclared kind, so this catalogue (and the ClusterRole made from it) is complete.
   */
  public static final List<ManagedKind> ALL = declared();

  /** The Cluster API {@code Cluster} (what the cell reads the provisioning phase of). */
  public static final ManagedKind CAPI_CLUSTER = of("cluster.x-k8s.io/v1beta2", "Cluster").orElseThrow();

  private static List<ManagedKind> declared() {
    List<dev.lattice.compiler.spi.Emitter> emitters = new java.util.ArrayList<>();
    java.util.ServiceLoader.load(dev.lattice.compiler.spi.Emitter.class, ManagedKind.class.getClassLoader()).forEach(emitters::add);
    emitters.sort(java.util.Comparator.comparing(dev.lattice.compiler.spi.Emitter::name));
    java.util.LinkedHashMap<String, ManagedKind> out = new java.util.LinkedHashMap<>();
    for (var emitter : emitters) {
      for (var k : emitter.kinds()) {
        ManagedKind kind = new ManagedKind(k.apiVersion(), k.kind(), k.plural(), k.namespaced());
        ManagedKind before = out.putIfAbsent(k.apiVersion() + " " + k.kind(), kind);
        if (before != null && !before.equals(kind)) {
          throw new IllegalStateException("emitters declare " + k.apiVersion() + " " + k.kind() + " twice, differently: " + before + ", " + kind);
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no emitter found on the class path (META-INF/services/dev.lattice.compiler.spi.Emitter)");
    }
    return List.copyOf(out.values());
  }

  /** The API group; empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  /** The catalogue entry of a document's apiVersion and kind. */
  public static Optional<ManagedKind> of(String apiVersion, String kind) {
    return ALL.stream().filter(k -> k.apiVersion.equals(apiVersion) && k.kind.equals(kind)).findFirst();
  }
}
