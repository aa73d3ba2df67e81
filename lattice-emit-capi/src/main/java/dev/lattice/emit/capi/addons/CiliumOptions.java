package dev.lattice.emit.capi.addons;

import dev.lattice.model.cluster.LatticeClusterSpec;
import dev.lattice.model.cluster.NetworkingSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Cilium toggles of a cluster, resolved against the safe defaults: kube-proxy replacement on
 * (kube-proxy is then not installed), Hubble with its relay on and its UI off, WireGuard encryption
 * on, Gateway API off (it needs the Gateway API CRDs first), L2 announcements and the bandwidth
 * manager off.
 */
public record CiliumOptions(
    boolean kubeProxyReplacement,
    boolean hubble,
    boolean hubbleUi,
    boolean wireguard,
    boolean gatewayApi,
    boolean l2Announcements,
    boolean bandwidthManager) {

  /** The defaults a cluster gets when it declares no toggle. */
  public static final CiliumOptions DEFAULTS = new CiliumOptions(true, true, false, true, false, false, false);

  /** The toggles of a cluster spec ({@code spec.networking.cilium}), each absent one at its default. */
  public static CiliumOptions of(LatticeClusterSpec spec) {
    Optional<NetworkingSpec.CiliumSpec> c = spec.networking().flatMap(NetworkingSpec::cilium);
    if (c.isEmpty()) {
      return DEFAULTS;
    }
    NetworkingSpec.CiliumSpec s = c.get();
    CiliumOptions d = DEFAULTS;
    return new CiliumOptions(
        s.kubeProxyReplacement().orElse(d.kubeProxyReplacement),
        s.hubble().orElse(d.hubble),
        s.hubbleUi().orElse(d.hubbleUi),
        s.wireguard().orElse(d.wireguard),
        s.gatewayApi().orElse(d.gatewayApi),
        s.l2Announcements().orElse(d.l2Announcements),
        s.bandwidthManager().orElse(d.bandwidthManager));
  }

  /**
   * The toggles by their wire name ({@code kubeProxyReplacement}, ...) in declaration order: the
   * names of the ClusterClass variables and of {@code spec.networking.cilium}.
   */
  public Map<String, Boolean> byName() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    m.put("kubeProxyReplacement", kubeProxyReplacement);
    m.put("hubble", hubble);
    m.put("hubbleUi", hubbleUi);
    m.put("wireguard", wireguard);
    m.put("gatewayApi", gatewayApi);
    m.put("l2Announcements", l2Announcements);
    m.put("bandwidthManager", bandwidthManager);
    return m;
  }
}
