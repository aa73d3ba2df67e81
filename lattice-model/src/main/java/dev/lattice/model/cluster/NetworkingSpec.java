package dev.lattice.model.cluster;

import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster network: pod and service CIDRs and the service domain (CAPI {@code clusterNetwork}),
 * the toggles of the Cilium CNI Lattice installs in the cluster ({@code cilium}), and the
 * LoadBalancer address pools ({@code loadBalancerPools}).
 */
public record NetworkingSpec(
    List<String> podCidrs,
    List<String> serviceCidrs,
    Optional<String> serviceDomain,
    Optional<CiliumSpec> cilium,
    Map<String, LoadBalancerPool> loadBalancerPools) {
  public NetworkingSpec {
    loadBalancerPools = Values.map(loadBalancerPools);
    podCidrs = Values.list(podCidrs);
    serviceCidrs = Values.list(serviceCidrs);
    serviceDomain = Values.opt(serviceDomain);
    cilium = Values.opt(cilium);
  }

  /** The networking of a cluster that declares only CIDRs and a domain. */
  public NetworkingSpec(List<String> podCidrs, List<String> serviceCidrs, Optional<String> serviceDomain) {
    this(podCidrs, serviceCidrs, serviceDomain, Optional.empty(), Map.of());
  }

  /**
   * A pool of addresses for LoadBalancer Services (Cilium LB-IPAM); the older form's {@code
   * networking.default.cidr} is the pool {@code default}.
   */
  public record LoadBalancerPool(@dev.lattice.model.base.Required String cidr) {}

  /**
   * Cilium toggles; an absent toggle takes the emitter's safe default (see {@code docs/CLUSTERS.md}).
   *
   * @param kubeProxyReplacement eBPF service handling instead of kube-proxy (kube-proxy is then not installed)
   * @param hubble flow observability (Hubble and its relay)
   * @param hubbleUi the Hubble web UI
   * @param wireguard transparent node-to-node encryption with WireGuard
   * @param gatewayApi Cilium's Gateway API implementation (needs the Gateway API CRDs)
   * @param l2Announcements answering ARP for LoadBalancer addresses (bare metal, Docker)
   * @param bandwidthManager EDT-based pod egress rate limits and BBR
   */
  public record CiliumSpec(
      Optional<Boolean> kubeProxyReplacement,
      Optional<Boolean> hubble,
      Optional<Boolean> hubbleUi,
      Optional<Boolean> wireguard,
      Optional<Boolean> gatewayApi,
      Optional<Boolean> l2Announcements,
      Optional<Boolean> bandwidthManager) {
    public CiliumSpec {
      kubeProxyReplacement = Values.opt(kubeProxyReplacement);
      hubble = Values.opt(hubble);
      hubbleUi = Values.opt(hubbleUi);
      wireguard = Values.opt(wireguard);
      gatewayApi = Values.opt(gatewayApi);
      l2Announcements = Values.opt(l2Announcements);
      bandwidthManager = Values.opt(bandwidthManager);
    }
  }
}
