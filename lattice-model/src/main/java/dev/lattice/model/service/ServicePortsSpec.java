package dev.lattice.model.service;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.Map;
import java.util.Optional;

/** The ports a service offers, by name, and the Kubernetes Service type (ClusterIP by default). */
@org.immutables.value.Value.Builder
public record ServicePortsSpec(Map<String, PortSpec> ports, Optional<ServiceType> serviceType) {
  public ServicePortsSpec {
    ports = Values.map(ports);
    serviceType = Values.opt(serviceType);
  }

  /** The Kubernetes Service type. */
  public enum ServiceType implements WireEnum {
    CLUSTER_IP("ClusterIP"),
    NODE_PORT("NodePort"),
    LOAD_BALANCER("LoadBalancer");

    private final String wire;

    ServiceType(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
