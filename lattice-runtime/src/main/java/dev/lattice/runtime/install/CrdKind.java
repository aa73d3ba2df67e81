package dev.lattice.runtime.install;

import dev.lattice.model.CedarPolicy;
import dev.lattice.model.CloudProvider;
import dev.lattice.model.Kind;
import dev.lattice.model.LatticeCluster;
import dev.lattice.model.LatticeExternalService;
import dev.lattice.model.LatticeMeshMember;
import dev.lattice.model.LatticeObject;
import dev.lattice.model.LatticeQuota;
import dev.lattice.model.LatticeResourceClass;
import dev.lattice.model.LatticeService;
import dev.lattice.model.service.LatticeServiceStatus;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * The Lattice kinds served as custom resources: the model record each is derived from, its plural
 * and short names. Kinds whose record has no {@code status} get the runtime's common status
 * ({@link LatticeServiceStatus}: phase, observedGeneration, message, conditions).
 */
public enum CrdKind {
  LATTICE_SERVICE(Kind.LATTICE_SERVICE, LatticeService.class, "latticeservices", "lsvc"),
  LATTICE_EXTERNAL_SERVICE(Kind.LATTICE_EXTERNAL_SERVICE, LatticeExternalService.class, "latticeexternalservices", "lext"),
  LATTICE_MESH_MEMBER(Kind.LATTICE_MESH_MEMBER, LatticeMeshMember.class, "latticemeshmembers", "lmm"),
  LATTICE_CLUSTER(Kind.LATTICE_CLUSTER, LatticeCluster.class, "latticeclusters", "lc"),
  CLOUD_PROVIDER(Kind.CLOUD_PROVIDER, CloudProvider.class, "cloudproviders", "cp"),
  CEDAR_POLICY(Kind.CEDAR_POLICY, CedarPolicy.class, "cedarpolicies", "cedar"),
  LATTICE_QUOTA(Kind.LATTICE_QUOTA, LatticeQuota.class, "latticequotas", "lquota"),
  LATTICE_RESOURCE_CLASS(Kind.LATTICE_RESOURCE_CLASS, LatticeResourceClass.class, "latticeresourceclasses", "lrc");

  /** The API group of every Lattice kind. */
  public static final String GROUP = "lattice.dev";
  /** The served and stored version. */
  public static final String VERSION = "v1alpha1";

  private final Kind kind;
  private final Class<? extends LatticeObject> type;
  private final String plural;
  private final String shortName;

  CrdKind(Kind kind, Class<? extends LatticeObject> type, String plural, String shortName) {
    this.kind = kind;
    this.type = type;
    this.plural = plural;
    this.shortName = shortName;
  }

  public Kind kind() {
    return kind;
  }

  public String plural() {
    return plural;
  }

  public String shortName() {
    return shortName;
  }

  public boolean namespaced() {
    return kind.namespaced();
  }

  /** {@code latticeservices.lattice.dev}: the CRD's name. */
  public String crdName() {
    return plural + "." + GROUP;
  }

  /** The model type of {@code spec}. */
  public Type specType() {
    return component("spec").getGenericType();
  }

  /** The model type of {@code status}: the record's own, else the common runtime status. */
  public Class<?> statusType() {
    return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals("status")).findFirst()
        .<Class<?>>map(c -> (Class<?>) ((java.lang.reflect.ParameterizedType) c.getGenericType()).getActualTypeArguments()[0])
        .orElse(LatticeServiceStatus.class);
  }

  public static CrdKind of(Kind kind) {
    return Arrays.stream(values()).filter(k -> k.kind == kind).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no custom resource for " + kind));
  }

  /** Every kind, in declaration order. */
  public static List<CrdKind> all() {
    return List.of(values());
  }

  private RecordComponent component(String name) {
    return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException(type + " has no " + name));
  }
}
