package dev.lattice.model;

import java.util.Arrays;
import java.util.Optional;

/** The Lattice kinds this version reads, with their scope. */
public enum Kind {
  LATTICE_SERVICE("LatticeService", true),
  LATTICE_EXTERNAL_SERVICE("LatticeExternalService", true),
  LATTICE_MESH_MEMBER("LatticeMeshMember", true),
  LATTICE_JOB("LatticeJob", true),
  LATTICE_CLUSTER("LatticeCluster", false),
  CLOUD_PROVIDER("CloudProvider", false),
  CEDAR_POLICY("CedarPolicy", true),
  LATTICE_QUOTA("LatticeQuota", true),
  LATTICE_RESOURCE_CLASS("LatticeResourceClass", false);

  /** The API group and version every Lattice document is normalised to. */
  public static final String API_VERSION = "lattice.dev/v1alpha1";
  /** The older snake_case API version of the seed README. */
  public static final String LEGACY_API_VERSION = "lattice.io/v1alpha1";

  private final String wire;
  private final boolean namespaced;

  Kind(String wire, boolean namespaced) {
    this.wire = wire;
    this.namespaced = namespaced;
  }

  /** The name in {@code kind:}. */
  public String wire() {
    return wire;
  }

  public boolean namespaced() {
    return namespaced;
  }

  /**
   * The resource name of the served custom resource ({@code latticeservices}, {@code cedarpolicies}): the
   * lower-cased kind, pluralised as English does ({@code y} → {@code ies}, {@code s} → {@code ses}), as
   * Kubernetes resource names are (https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/).
   */
  public String plural() {
    String lower = wire.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("y")) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower.endsWith("s") ? lower + "es" : lower + "s";
  }

  public static Optional<Kind> fromWire(String kind) {
    return Arrays.stream(values()).filter(k -> k.wire.equals(kind)).findFirst();
  }
}
