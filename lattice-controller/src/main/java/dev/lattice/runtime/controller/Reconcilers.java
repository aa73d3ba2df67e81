package dev.lattice.runtime.controller;

import dev.lattice.runtime.install.CrdKind;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import dev.lattice.model.Kind;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One reconciler per Lattice kind (the framework needs a concrete primary type per controller, and
 * reads it from the type argument of the class), each delegating to a {@link KindHandler}. Each
 * registers its informer cache with {@link FleetCaches} so any reconcile can read the whole fleet.
 */
final class Reconcilers {
  private Reconcilers() {}

  /**
   * The reconciler of each kind. JOSDK reads a controller's primary type from the type argument of its
   * class, so each kind needs its own small class here and in {@link LatticeResources}; {@link #all}
   * fails naming a kind of the model that has none, and {@code ReconcilersTest} holds the classes to
   * the model's names, plurals and scopes.
   */
  private static final Map<Kind, BiFunction<KindHandler, FleetCaches, Reconciler<?>>> BY_KIND = Map.of(
      Kind.LATTICE_SERVICE, Services::new,
      Kind.LATTICE_EXTERNAL_SERVICE, ExternalServices::new,
      Kind.LATTICE_MESH_MEMBER, MeshMembers::new,
      Kind.LATTICE_JOB, Jobs::new,
      Kind.LATTICE_MODEL, Models::new,
      Kind.LATTICE_CLUSTER, Clusters::new,
      Kind.CLOUD_PROVIDER, CloudProviders::new,
      Kind.CEDAR_POLICY, CedarPolicies::new,
      Kind.LATTICE_QUOTA, Quotas::new,
      Kind.LATTICE_RESOURCE_CLASS, ResourceClasses::new);

  /** One per kind of the model, in its order, for the operator to register. */
  static List<Reconciler<?>> all(java.util.function.Function<CrdKind, KindHandler> handlers, FleetCaches caches) {
    List<Reconciler<?>> out = new java.util.ArrayList<>();
    for (CrdKind kind : CrdKind.all()) {
      BiFunction<KindHandler, FleetCaches, Reconciler<?>> make = BY_KIND.get(kind.kind());
      if (make == null) {
        throw new IllegalStateException("no reconciler for " + kind + ": add a LatticeResources class and a Reconcilers entry");
      }
      out.add(make.apply(handlers.apply(kind), caches));
    }
    return List.copyOf(out);
  }

  /** The shared behaviour: register the cache, delegate reconcile and cleanup to the kind's handler. */
  abstract static class KindReconciler<R extends LatticeResources.Base> implements Reconciler<R>, Cleaner<R> {
    private final CrdKind kind;
    private final KindHandler handler;
    private final FleetCaches caches;

    KindReconciler(CrdKind kind, KindHandler handler, FleetCaches caches) {
      this.kind = kind;
      this.handler = handler;
      this.caches = caches;
    }

    @Override
    public List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
      caches.register(kind, context.getPrimaryCache());
      return List.of();
    }

    @Override
    public UpdateControl<R> reconcile(R resource, Context<R> context) throws Exception {
      return handler.reconcile(resource);
    }

    @Override
    public DeleteControl cleanup(R resource, Context<R> context) throws Exception {
      return handler.cleanup(resource);
    }
  }

  /** Reconciles {@code LatticeService} objects. */
  static final class Services extends KindReconciler<LatticeResources.Service> {
    Services(KindHandler handler, FleetCaches caches) {
      super(CrdKind.LATTICE_SERVICE, handler, caches);
    }
  }

  /** Reconciles {@code LatticeExternalService} objects. */
  static final class ExternalServices extends KindReconciler<LatticeResources.ExternalService> {
    ExternalServices(KindHandler handler, FleetCaches caches) {
      super(CrdKind.LATTICE_EXTERNAL_SERVICE, handler, caches);
    }
  }

  /** Reconciles {@code LatticeMeshMember} objects. */
  static final class MeshMembers extends KindReconciler<LatticeResources.MeshMember> {
    MeshMembers(KindHandler handler, FleetCaches caches) {
      super(CrdKind.LATTICE_MESH_MEMBER, handler, caches);
    }
  }

  /** Reconciles {@code LatticeJob} objects. */
  static final class Jobs extends KindReconciler<LatticeResources.Job> {
    Jobs(KindHandler handler, FleetCaches caches) {
      super(CrdKind.LATTICE_JOB, handler, caches);
    }
  }

  /** Reconciles {@code LatticeModel} objects. */
  static final class Models extends KindReconciler<LatticeResources.Model> {
    Models(KindHandler handler, FleetCaches caches) {
      super(CrdKind.LATTICE_MODEL, handler, caches);
    }
  }

  /** Reconciles {@code LatticeCluster} objects. */
  static final class Clusters extends KindReconciler<LatticeResources.Cluster> {
    Clusters(KindHandler handler, FleetCaches caches) {
      super(CrdKind.LATTICE_CLUSTER, handler, caches);
    }
  }

  /** Reconciles {@code CloudProvider} objects. */
  static final class CloudProviders extends KindReconciler<LatticeResources.CloudProvider> {
    CloudProviders(KindHandler handler, FleetCaches caches) {
      super(CrdKind.CLOUD_PROVIDER, handler, caches);
    }
  }

  /** Reconciles {@code CedarPolicy} objects. */
  static final class CedarPolicies extends KindReconciler<LatticeResources.CedarPolicy> {
    CedarPolicies(KindHandler handler, FleetCaches caches) {
      super(CrdKind.CEDAR_POLICY, handler, caches);
    }
  }

  /** Reconciles {@code LatticeQuota} objects. */
  static final class Quotas extends KindReconciler<LatticeResources.Quota> {
    Quotas(KindHandler handler, FleetCaches caches) {
      super(CrdKind.LATTICE_QUOTA, handler, caches);
    }
  }

  static final class ResourceClasses extends KindReconciler<LatticeResources.ResourceClass> {
    ResourceClasses(KindHandler handler, FleetCaches caches) {
      super(CrdKind.LATTICE_RESOURCE_CLASS, handler, caches);
    }
  }
}
