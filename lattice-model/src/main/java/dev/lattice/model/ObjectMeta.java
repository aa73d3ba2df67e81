package dev.lattice.model;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.Required;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes metadata Lattice reads. Namespaced kinds without a namespace live in {@code
 * default}, as kubectl would place them.
 */
@org.immutables.value.Value.Builder
public record ObjectMeta(
    @Required String name,
    Optional<String> namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    Optional<Long> generation,
    Optional<String> uid,
    Optional<String> resourceVersion,
    Optional<String> creationTimestamp,
    List<String> finalizers) {

  public ObjectMeta {
    namespace = Values.opt(namespace);
    labels = Values.map(labels);
    annotations = Values.map(annotations);
    generation = Values.opt(generation);
    uid = Values.opt(uid);
    resourceVersion = Values.opt(resourceVersion);
    creationTimestamp = Values.opt(creationTimestamp);
    finalizers = Values.list(finalizers);
  }

  public static ObjectMeta of(String name, String namespace) {
    return new ObjectMeta(name, Optional.ofNullable(namespace), Map.of(), Map.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  /** The namespace, or {@code default} when none was given. */
  public String namespaceOrDefault() {
    return namespace.orElse("default");
  }
}
