package dev.lattice.model.cluster;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.Optional;

/**
 * Makes the cluster a cell that children connect out to: the host children dial (auto-discovered
 * when absent), the gRPC, bootstrap and proxy ports, the Service type that exposes them, and the
 * cell's own GitOps repository ({@code gitops}).
 */
public record ParentConfigSpec(
    Optional<String> host,
    @DefaultValue("50051") int grpcPort,
    @DefaultValue("8443") int bootstrapPort,
    @DefaultValue("8081") int proxyPort,
    Optional<ExposeService> service,
    Optional<GitOpsSpec> gitops) {

  public ParentConfigSpec {
    host = Values.opt(host);
    service = Values.opt(service);
    gitops = Values.opt(gitops);
  }

  /**
   * The cell's own GitOps repository: Flux in the cell applies {@code basePath} of {@code branch}
   * (the layout {@code lattice gitops} writes).
   */
  public record GitOpsSpec(@Required String url, @DefaultValue("main") String branch, Optional<String> basePath) {
    public GitOpsSpec {
      basePath = Values.opt(basePath);
    }
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
