package dev.lattice.model.service;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireName;
import java.util.Map;
import java.util.Optional;

/**
 * A declared dependency or offering: {@code type} ({@code service} by default, {@code
 * external-service}, {@code secret}, {@code volume}, {@code gpu} or a custom DNS-label type), its
 * {@code direction}, and the target {@code namespace}/{@code id} (defaulting to the declaring
 * service's namespace and the resource's key; {@code id: other-ns/name} is accepted too). {@code
 * params} are free-form per type.
 */
@org.immutables.value.Value.Builder
public record ResourceSpec(
    @DefaultValue("service") String type,
    @DefaultValue("outbound") Direction direction,
    Optional<String> id,
    Optional<String> namespace,
    @WireName("class") Optional<String> resourceClass,
    Map<String, Object> params) {

  public static final String SERVICE = "service";
  public static final String EXTERNAL_SERVICE = "external-service";
  public static final String SECRET = "secret";
  public static final String VOLUME = "volume";
  public static final String GPU = "gpu";

  public ResourceSpec {
    type = type == null ? SERVICE : type;
    direction = direction == null ? Direction.OUTBOUND : direction;
    id = Values.opt(id);
    namespace = Values.opt(namespace);
    resourceClass = Values.opt(resourceClass);
    params = Values.map(params);
  }

  public boolean isService() {
    return SERVICE.equals(type);
  }

  /**
   * The target as (namespace, name): {@code id: ns/name} wins, then {@code namespace} + {@code id},
   * then the defaults (the declaring namespace and the resource key).
   */
  public ObjectRef target(String declaringNamespace, String key) {
    return ObjectRef.parse(id.orElse(key), namespace.orElse(declaringNamespace));
  }
}
