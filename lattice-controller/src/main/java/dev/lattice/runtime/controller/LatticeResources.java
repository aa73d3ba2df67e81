package dev.lattice.runtime.controller;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.Map;

/**
 * The Lattice kinds as fabric8 custom resources for the informers. Spec and status stay untyped
 * maps: the model's reader turns them into values (with diagnostics), so there is one binding of
 * the schema, not two.
 */
public final class LatticeResources {
  private LatticeResources() {}

  /** Common base: untyped spec and status. */
  public abstract static class Base extends CustomResource<Map<String, Object>, Map<String, Object>> {
    @Override
    protected Map<String, Object> initSpec() {
      return null;
    }

    @Override
    protected Map<String, Object> initStatus() {
      return null;
    }
  }

  /** {@code LatticeService}. */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("LatticeService") @Plural("latticeservices")
  public static class Service extends Base implements Namespaced {}

  /** {@code LatticeExternalService}. */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("LatticeExternalService") @Plural("latticeexternalservices")
  public static class ExternalService extends Base implements Namespaced {}

  /** {@code LatticeMeshMember}. */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("LatticeMeshMember") @Plural("latticemeshmembers")
  public static class MeshMember extends Base implements Namespaced {}

  /** {@code LatticeJob}. */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("LatticeJob") @Plural("latticejobs")
  public static class Job extends Base implements Namespaced {}

  /** {@code LatticeModel}. */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("LatticeModel") @Plural("latticemodels")
  public static class Model extends Base implements Namespaced {}

  /** {@code LatticeCluster} (cluster-scoped). */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("LatticeCluster") @Plural("latticeclusters")
  public static class Cluster extends Base {}

  /** {@code CloudProvider} (cluster-scoped). */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("CloudProvider") @Plural("cloudproviders")
  public static class CloudProvider extends Base {}

  /** {@code CedarPolicy}. */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("CedarPolicy") @Plural("cedarpolicies")
  public static class CedarPolicy extends Base implements Namespaced {}

  /** {@code LatticeQuota}. */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("LatticeQuota") @Plural("latticequotas")
  public static class Quota extends Base implements Namespaced {}

  /** {@code LatticeResourceClass} (cluster-scoped). */
  @Group("lattice.dev") @Version("v1alpha1") @Kind("LatticeResourceClass") @Plural("latticeresourceclasses")
  public static class ResourceClass extends Base {}
}
