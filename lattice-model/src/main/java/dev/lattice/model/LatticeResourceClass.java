package dev.lattice.model;

import dev.lattice.model.base.Required;
import dev.lattice.model.service.ResourceClassSpec;

/**
 * What a custom resource type provides (cluster-scoped, like a Kubernetes StorageClass): the
 * outputs a {@code ${resources.<name>.<output>}} placeholder of a resource of that {@code type} and
 * {@code class} resolves to. The platform's counterpart of a Score provisioner.
 */
@org.immutables.value.Value.Builder
public record LatticeResourceClass(@Required ObjectMeta metadata, @Required ResourceClassSpec spec) implements LatticeObject {

  @Override
  public Kind kind() {
    return Kind.LATTICE_RESOURCE_CLASS;
  }
}
