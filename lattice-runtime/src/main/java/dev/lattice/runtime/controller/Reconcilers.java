package dev.lattice.runtime.controller;

import dev.lattice.runtime.install.CrdKind;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;

/**
 * One reconciler per Lattice kind (the framework needs a concrete primary type per controller),
 * each delegating to a {@link KindHandler}. Each registers its informer cache with {@link
 * FleetCaches} so any reconcile can read the whole fleet.
 */
final class Reconcilers {
  private Reconcilers() {}

  /** All seven, for the operator to register. */
  static List<Reconciler<?>> all(java.util.function.Function<CrdKind, KindHandler> handlers, FleetCaches caches) {
    return List.of(
        new Services(handlers.apply(CrdKind.LATTICE_SERVICE), caches),
        new ExternalServices(handlers.apply(CrdKind.LATTICE_EXTERNAL_SERVICE), caches),
        new MeshMembers(handlers.apply(CrdKind.LATTICE_MESH_MEMBER), caches),
        new Clusters(handlers.apply(CrdKind.LATTICE_CLUSTER), caches),
        new CloudProviders(handlers.apply(CrdKind.CLOUD_PROVIDER), caches),
        new CedarPolicies(handlers.apply(CrdKind.CEDAR_POLICY), caches),
        new Quotas(handlers.apply(CrdKind.LATTICE_QUOTA), caches));
  }

  /** Reconciles {@code Service} objects. */
  static final class Services implements Reconciler<LatticeResources.Service>, Cleaner<LatticeResources.Service> {
    private final KindHandler handler;
    private final FleetCaches caches;

    Services(KindHandler handler, FleetCaches caches) {
      this.handler = handler;
      this.caches = caches;
    }

    @Override
    public List<EventSource<?, LatticeResources.Service>> prepareEventSources(EventSourceContext<LatticeResources.Service> context) {
      caches.register(CrdKind.LATTICE_SERVICE, context.getPrimaryCache());
      return List.of();
    }

    @Override
    public UpdateControl<LatticeResources.Service> reconcile(LatticeResources.Service resource, Context<LatticeResources.Service> context) throws Exception {
      return handler.reconcile(resource);
    }

    @Override
    public DeleteControl cleanup(LatticeResources.Service resource, Context<LatticeResources.Service> context) throws Exception {
      return handler.cleanup(resource);
    }
  }

  /** Reconciles {@code ExternalService} objects. */
  static final class ExternalServices implements Reconciler<LatticeResources.ExternalService>, Cleaner<LatticeResources.ExternalService> {
    private final KindHandler handler;
    private final FleetCaches caches;

    ExternalServices(KindHandler handler, FleetCaches caches) {
      this.handler = handler;
      this.caches = caches;
    }

    @Override
    public List<EventSource<?, LatticeResources.ExternalService>> prepareEventSources(EventSourceContext<LatticeResources.ExternalService> context) {
      caches.register(CrdKind.LATTICE_EXTERNAL_SERVICE, context.getPrimaryCache());
      return List.of();
    }

    @Override
    public UpdateControl<LatticeResources.ExternalService> reconcile(LatticeResources.ExternalService resource, Context<LatticeResources.ExternalService> context) throws Exception {
      return handler.reconcile(resource);
    }

    @Override
    public DeleteControl cleanup(LatticeResources.ExternalService resource, Context<LatticeResources.ExternalService> context) throws Exception {
      return handler.cleanup(resource);
    }
  }

  /** Reconciles {@code MeshMember} objects. */
  static final class MeshMembers implements Reconciler<LatticeResources.MeshMember>, Cleaner<LatticeResources.MeshMember> {
    private final KindHandler handler;
    private final FleetCaches caches;

    MeshMembers(KindHandler handler, FleetCaches caches) {
      this.handler = handler;
      this.caches = caches;
    }

    @Override
    public List<EventSource<?, LatticeResources.MeshMember>> prepareEventSources(EventSourceContext<LatticeResources.MeshMember> context) {
      caches.register(CrdKind.LATTICE_MESH_MEMBER, context.getPrimaryCache());
      return List.of();
    }

    @Override
    public UpdateControl<LatticeResources.MeshMember> reconcile(LatticeResources.MeshMember resource, Context<LatticeResources.MeshMember> context) throws Exception {
      return handler.reconcile(resource);
    }

    @Override
    public DeleteControl cleanup(LatticeResources.MeshMember resource, Context<LatticeResources.MeshMember> context) throws Exception {
      return handler.cleanup(resource);
    }
  }

  /** Reconciles {@code Cluster} objects. */
  static final class Clusters implements Reconciler<LatticeResources.Cluster>, Cleaner<LatticeResources.Cluster> {
    private final KindHandler handler;
    private final FleetCaches caches;

    Clusters(KindHandler handler, FleetCaches caches) {
      this.handler = handler;
      this.caches = caches;
    }

    @Override
    public List<EventSource<?, LatticeResources.Cluster>> prepareEventSources(EventSourceContext<LatticeResources.Cluster> context) {
      caches.register(CrdKind.LATTICE_CLUSTER, context.getPrimaryCache());
      return List.of();
    }

    @Override
    public UpdateControl<LatticeResources.Cluster> reconcile(LatticeResources.Cluster resource, Context<LatticeResources.Cluster> context) throws Exception {
      return handler.reconcile(resource);
    }

    @Override
    public DeleteControl cleanup(LatticeResources.Cluster resource, Context<LatticeResources.Cluster> context) throws Exception {
      return handler.cleanup(resource);
    }
  }

  /** Reconciles {@code CloudProvider} objects. */
  static final class CloudProviders implements Reconciler<LatticeResources.CloudProvider>, Cleaner<LatticeResources.CloudProvider> {
    private final KindHandler handler;
    private final FleetCaches caches;

    CloudProviders(KindHandler handler, FleetCaches caches) {
      this.handler = handler;
      this.caches = caches;
    }

    @Override
    public List<EventSource<?, LatticeResources.CloudProvider>> prepareEventSources(EventSourceContext<LatticeResources.CloudProvider> context) {
      caches.register(CrdKind.CLOUD_PROVIDER, context.getPrimaryCache());
      return List.of();
    }

    @Override
    public UpdateControl<LatticeResources.CloudProvider> reconcile(LatticeResources.CloudProvider resource, Context<LatticeResources.CloudProvider> context) throws Exception {
      return handler.reconcile(resource);
    }

    @Override
    public DeleteControl cleanup(LatticeResources.CloudProvider resource, Context<LatticeResources.CloudProvider> context) throws Exception {
      return handler.cleanup(resource);
    }
  }

  /** Reconciles {@code CedarPolicy} objects. */
  static final class CedarPolicies implements Reconciler<LatticeResources.CedarPolicy>, Cleaner<LatticeResources.CedarPolicy> {
    private final KindHandler handler;
    private final FleetCaches caches;

    CedarPolicies(KindHandler handler, FleetCaches caches) {
      this.handler = handler;
      this.caches = caches;
    }

    @Override
    public List<EventSource<?, LatticeResources.CedarPolicy>> prepareEventSources(EventSourceContext<LatticeResources.CedarPolicy> context) {
      caches.register(CrdKind.CEDAR_POLICY, context.getPrimaryCache());
      return List.of();
    }

    @Override
    public UpdateControl<LatticeResources.CedarPolicy> reconcile(LatticeResources.CedarPolicy resource, Context<LatticeResources.CedarPolicy> context) throws Exception {
      return handler.reconcile(resource);
    }

    @Override
    public DeleteControl cleanup(LatticeResources.CedarPolicy resource, Context<LatticeResources.CedarPolicy> context) throws Exception {
      return handler.cleanup(resource);
    }
  }

  /** Reconciles {@code Quota} objects. */
  static final class Quotas implements Reconciler<LatticeResources.Quota>, Cleaner<LatticeResources.Quota> {
    private final KindHandler handler;
    private final FleetCaches caches;

    Quotas(KindHandler handler, FleetCaches caches) {
      this.handler = handler;
      this.caches = caches;
    }

    @Override
    public List<EventSource<?, LatticeResources.Quota>> prepareEventSources(EventSourceContext<LatticeResources.Quota> context) {
      caches.register(CrdKind.LATTICE_QUOTA, context.getPrimaryCache());
      return List.of();
    }

    @Override
    public UpdateControl<LatticeResources.Quota> reconcile(LatticeResources.Quota resource, Context<LatticeResources.Quota> context) throws Exception {
      return handler.reconcile(resource);
    }

    @Override
    public DeleteControl cleanup(LatticeResources.Quota resource, Context<LatticeResources.Quota> context) throws Exception {
      return handler.cleanup(resource);
    }
  }
}
