package dev.lattice.model.service;

import dev.lattice.model.base.Values;
import java.util.Map;
import java.util.Optional;

/** Containers, the ports the service offers, and the resources it declares (Score style). */
@org.immutables.value.Value.Builder
public record WorkloadSpec(
    Map<String, ContainerSpec> containers, Optional<ServicePortsSpec> service, Map<String, ResourceSpec> resources) {
  public WorkloadSpec {
    containers = Values.map(containers);
    service = Values.opt(service);
    resources = Values.map(resources);
  }
}
