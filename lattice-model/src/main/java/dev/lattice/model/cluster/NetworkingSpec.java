package dev.lattice.model.cluster;

import dev.lattice.model.Values;
import java.util.List;
import java.util.Optional;

/** The cluster network: pod and service CIDRs and the service domain (CAPI {@code clusterNetwork}). */
public record NetworkingSpec(List<String> podCidrs, List<String> serviceCidrs, Optional<String> serviceDomain) {
  public NetworkingSpec {
    podCidrs = Values.list(podCidrs);
    serviceCidrs = Values.list(serviceCidrs);
    serviceDomain = Values.opt(serviceDomain);
  }
}
