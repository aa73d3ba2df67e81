package dev.lattice.runtime.apply;

import dev.lattice.document.Json;
import dev.lattice.runtime.fleet.DocumentApplier;
import dev.lattice.runtime.fleet.Ledger;
import dev.lattice.runtime.fleet.Ownership;
import dev.lattice.runtime.install.ManagedKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What both appliers share: addressing by {@link ManagedKind} (no discovery), delete and list. */
abstract class ClientApplier implements DocumentApplier {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClientApplier.class);
  protected final KubernetesClient client;

  ClientApplier(KubernetesClient client) {
    this.client = client;
  }

  protected MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op(ManagedKind kind) {
    return client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
        .withGroup(kind.group()).withVersion(kind.version()).withKind(kind.kind()).withPlural(kind.plural())
        .withNamespaced(kind.namespaced()).build());
  }

  protected Resource<GenericKubernetesResource> one(ManagedKind kind, Optional<String> namespace, String name) {
    return namespace.isPresent() && kind.namespaced()
        ? op(kind).inNamespace(namespace.get()).withName(name)
        : op(kind).withName(name);
  }

  /** A handle on the given object in its kind and namespace. */
  protected Resource<GenericKubernetesResource> handle(ManagedKind kind, Optional<String> namespace, GenericKubernetesResource item) {
    return namespace.isPresent() && kind.namespaced()
        ? op(kind).inNamespace(namespace.get()).resource(item)
        : op(kind).resource(item);
  }

  @Override
  public void delete(ManagedKind kind, Optional<String> namespace, String name) {
    one(kind, namespace, name).delete();
  }

  @Override
  public List<Ledger.Entry> listManaged(ManagedKind kind) {
    List<GenericKubernetesResource> items;
    try {
      var base = op(kind);
      items = (kind.namespaced() ? base.inAnyNamespace() : base).withLabel(Json.MANAGED_BY, "lattice").list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      throw e;
    }
    List<Ledger.Entry> out = new ArrayList<>();
    for (GenericKubernetesResource r : items) {
      Map<String, String> annotations = r.getMetadata().getAnnotations();
      if (annotations == null || !annotations.containsKey(Ownership.OWNER)) {
        continue;
      }
      Optional<String> ns = Optional.ofNullable(r.getMetadata().getNamespace()).filter(n -> kind.namespaced());
      String id = Ownership.id(kind.apiVersion(), kind.kind(), ns, r.getMetadata().getName());
      String appliedAs = annotations.get(Ownership.APPLIED_AS);
      if (!id.equals(appliedAs)) {
        // a copy of one of ours, or written by a version before the annotation: ours only if desired again
        LOG.info("{} carries {} but was not written by this controller under that identity ({}: {}): never pruned", id,
            Ownership.OWNER, Ownership.APPLIED_AS, appliedAs == null ? "absent" : appliedAs);
        continue;
      }
      out.add(new Ledger.Entry(id, kind, ns, r.getMetadata().getName(), annotations.get(Ownership.OWNER),
          annotations.getOrDefault(Ownership.HASH, "")));
    }
    return out;
  }

  protected static GenericKubernetesResource generic(com.fasterxml.jackson.databind.node.ObjectNode body) {
    return io.fabric8.kubernetes.client.utils.Serialization.jsonMapper().convertValue(body, GenericKubernetesResource.class);
  }
}
