package dev.lattice.runtime.install;

import dev.lattice.model.Kind;
import dev.lattice.model.LatticeObject;
import dev.lattice.model.service.LatticeServiceStatus;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * A Lattice kind served as a custom resource, derived from the model's {@link Kind} (name, scope,
 * plural, short name) and the record the reader binds it to ({@link Kind#type}). Kinds whose record has no {@code status}
 * get the runtime's common status ({@link LatticeServiceStatus}: phase, observedGeneration, message,
 * conditions). One instance per kind, so {@code ==} compares them.
 */
public final class CrdKind {
  /** The API group of every Lattice kind. */
  public static final String GROUP = "lattice.dev";
  /** The served and stored version. */
  public static final String VERSION = "v1alpha1";

  private static final List<CrdKind> ALL = Arrays.stream(Kind.values()).map(CrdKind::new).toList();

  public static final CrdKind LATTICE_SERVICE = of(Kind.LATTICE_SERVICE);
  public static final CrdKind LATTICE_EXTERNAL_SERVICE = of(Kind.LATTICE_EXTERNAL_SERVICE);
  public static final CrdKind LATTICE_MESH_MEMBER = of(Kind.LATTICE_MESH_MEMBER);
  public static final CrdKind LATTICE_JOB = of(Kind.LATTICE_JOB);
  public static final CrdKind LATTICE_MODEL = of(Kind.LATTICE_MODEL);
  public static final CrdKind LATTICE_CLUSTER = of(Kind.LATTICE_CLUSTER);
  public static final CrdKind CLOUD_PROVIDER = of(Kind.CLOUD_PROVIDER);
  public static final CrdKind CEDAR_POLICY = of(Kind.CEDAR_POLICY);
  public static final CrdKind LATTICE_QUOTA = of(Kind.LATTICE_QUOTA);
  public static final CrdKind LATTICE_RESOURCE_CLASS = of(Kind.LATTICE_RESOURCE_CLASS);

  private final Kind kind;
  private final Class<? extends LatticeObject> type;

  private CrdKind(Kind kind) {
    this.kind = kind;
    this.type = kind.type();
  }

  public Kind kind() {
    return kind;
  }

  public String plural() {
    return kind.plural();
  }

  /** The short names ({@code kubectl get lsvc}), from the model's {@link Kind}. */
  public List<String> shortNames() {
    return List.of(kind.shortName());
  }

  public boolean namespaced() {
    return kind.namespaced();
  }

  /** {@code latticeservices.lattice.dev}: the CRD's name. */
  public String crdName() {
    return plural() + "." + GROUP;
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
    return ALL.get(kind.ordinal());
  }

  /** Every kind, in the model's declaration order. */
  public static List<CrdKind> all() {
    return ALL;
  }

  private RecordComponent component(String name) {
    return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException(type + " has no " + name));
  }

  @Override
  public String toString() {
    return kind.wire();
  }
}
