package dev.lattice.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Lattice kinds this version reads: the one place a kind is declared. Each names its wire
 * name, scope, the record the reader binds it to, its CRD short name, and whether it is addressed
 * in the mesh by name (services, mesh members, external services: agreements name them, and the
 * documents derived from them carry their name). The reader, the CRDs, the controller's
 * ownership and the incremental compiler follow from this table.
 */
public enum Kind {
  LATTICE_SERVICE("LatticeService", true, LatticeService.class, "lsvc", true),
  LATTICE_EXTERNAL_SERVICE("LatticeExternalService", true, LatticeExternalService.class, "lext", true),
  LATTICE_MESH_MEMBER("LatticeMeshMember", true, LatticeMeshMember.class, "lmm", true),
  LATTICE_JOB("LatticeJob", true, LatticeJob.class, "ljob", false),
  LATTICE_MODEL("LatticeModel", true, LatticeModel.class, "lmodel", false),
  LATTICE_CLUSTER("LatticeCluster", false, LatticeCluster.class, "lc", false),
  CLOUD_PROVIDER("CloudProvider", false, CloudProvider.class, "cp", false),
  CEDAR_POLICY("CedarPolicy", true, CedarPolicy.class, "cedar", false),
  LATTICE_QUOTA("LatticeQuota", true, LatticeQuota.class, "lquota", false),
  LATTICE_RESOURCE_CLASS("LatticeResourceClass", false, LatticeResourceClass.class, "lrc", false);

  /** The API group and version every Lattice document is normalised to. */
  public static final String API_VERSION = "lattice.dev/v1alpha1";
  /** The older snake_case API version of the seed README. */
  public static final String LEGACY_API_VERSION = "lattice.io/v1alpha1";

  private final String wire;
  private final boolean namespaced;
  private final Class<? extends LatticeObject> type;
  private final String shortName;
  private final boolean meshAddressed;

  Kind(String wire, boolean namespaced, Class<? extends LatticeObject> type, String shortName, boolean meshAddressed) {
    this.wire = wire;
    this.namespaced = namespaced;
    this.type = type;
    this.shortName = shortName;
    this.meshAddressed = meshAddressed;
  }

  /** The record the reader binds this kind to. */
  public Class<? extends LatticeObject> type() {
    return type;
  }

  /** The CRD's short name ({@code kubectl get lsvc}). */
  public String shortName() {
    return shortName;
  }

  /** Whether agreements address objects of this kind by name, and derived documents carry it. */
  public boolean meshAddressed() {
    return meshAddressed;
  }

  /** Every wire name, in declaration order, for hints. */
  public static java.util.List<String> wireNames() {
    return Arrays.stream(values()).map(Kind::wire).toList();
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
