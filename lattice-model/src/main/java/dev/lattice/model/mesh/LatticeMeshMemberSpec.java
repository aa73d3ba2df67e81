package dev.lattice.model.mesh;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrols a workload Lattice does not deploy: which pods ({@code target}), the ports they serve,
 * who may call them ({@code allowedCallers}), whom they call ({@code dependencies}), other egress,
 * their service account (default: the member's name) and whether they are in the ambient mesh.
 */
@org.immutables.value.Value.Builder
public record LatticeMeshMemberSpec(
    @Required Target target,
    List<Port> ports,
    List<ServiceRef> allowedCallers,
    List<ServiceRef> dependencies,
    List<Egress> egress,
    Optional<String> serviceAccount,
    @DefaultValue("true") boolean ambient) {

  public LatticeMeshMemberSpec {
    ports = Values.list(ports);
    allowedCallers = Values.list(allowedCallers);
    dependencies = Values.list(dependencies);
    egress = Values.list(egress);
    serviceAccount = Values.opt(serviceAccount);
  }

  /** The pods: by label selector, or every pod of a namespace. */
  public record Target(Optional<Selector> selector, Optional<String> namespace) {
    public Target {
      selector = Values.opt(selector);
      namespace = Values.opt(namespace);
    }
  }

  /** Pod labels to match. */
  public record Selector(Map<String, String> labels) {
    public Selector {
      labels = Values.map(labels);
    }
  }

  /** A served port and its mTLS mode. */
  public record Port(@Required int port, @Required String name, @DefaultValue("Strict") PeerAuth peerAuth) {
    public Port {
      peerAuth = peerAuth == null ? PeerAuth.STRICT : peerAuth;
    }
  }

  /**
   * How a port may be reached: {@code Strict}, mTLS from agreed callers only; {@code Permissive},
   * also in plaintext from outside the cluster; {@code Webhook}, also in plaintext from the API
   * server (an admission or conversion webhook).
   */
  public enum PeerAuth implements WireEnum {
    STRICT("Strict"),
    PERMISSIVE("Permissive"),
    WEBHOOK("Webhook");

    private final String wire;

    PeerAuth(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** Egress beyond declared services: a DNS name or a CIDR, on ports (all when empty). */
  public record Egress(Optional<String> fqdn, Optional<String> cidr, List<Integer> ports) {
    public Egress {
      fqdn = Values.opt(fqdn);
      cidr = Values.opt(cidr);
      ports = Values.list(ports);
    }
  }
}
