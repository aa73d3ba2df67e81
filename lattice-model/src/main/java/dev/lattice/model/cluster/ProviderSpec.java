package dev.lattice.model.cluster;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.List;

/** Kubernetes version and bootstrap, and the cluster-wide settings of exactly one provider. */
public record ProviderSpec(@Required Kubernetes kubernetes, @Required ProviderConfig config) {

  /** The Kubernetes version ({@code 1.32.0}) and how nodes are bootstrapped. */
  public record Kubernetes(
      @Required String version, @DefaultValue("kubeadm") Bootstrap bootstrap, List<String> certSANs) {
    public Kubernetes {
      bootstrap = bootstrap == null ? Bootstrap.KUBEADM : bootstrap;
      certSANs = Values.list(certSANs);
    }
  }

  /** The bootstrap provider: kubeadm, RKE2 (the FIPS path), or Talos (an immutable, API-managed OS). */
  public enum Bootstrap implements WireEnum {
    KUBEADM("kubeadm"),
    RKE2("rke2"),
    TALOS("talos");

    private final String wire;

    Bootstrap(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
