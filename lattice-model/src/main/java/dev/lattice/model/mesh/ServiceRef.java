package dev.lattice.model.mesh;

import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.Optional;

/** A reference to a service or mesh member; the namespace defaults to the referrer's. */
public record ServiceRef(@Required String name, Optional<String> namespace) {
  public ServiceRef {
    namespace = Values.opt(namespace);
  }

  public ObjectRef resolve(String defaultNamespace) {
    return ObjectRef.parse(name, namespace.orElse(defaultNamespace));
  }
}
