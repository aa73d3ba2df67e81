package dev.lattice.model.cluster;

import dev.lattice.model.DefaultValue;
import dev.lattice.model.Values;
import dev.lattice.model.WireEnum;
import java.util.Optional;

/**
 * Makes the cluster a cell that children connect out to: the host children dial (auto-discovered
 * when absent), the gRPC, bootstrap and proxy ports, and the Service type that exposes them.
 */
public record ParentConfigSpec(
    Optional<String> host,
    @DefaultValue("50051") int grpcPort,
    @DefaultValue("8443") int bootstrapPort,
    @DefaultValue("8081") int proxyPort,
    Optional<ExposeService> service) {

  public ParentConfigSpec {
    host = Values.opt(host);
    service = Values.opt(service);
  }

  /** How the cell's ports are exposed. */
  public record ExposeService(@DefaultValue("LoadBalancer") Type type) {}

  /** Service types the cell may use. */
  public enum Type implements WireEnum {
    LOAD_BALANCER("LoadBalancer"),
    NODE_PORT("NodePort"),
    CLUSTER_IP("ClusterIP");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
