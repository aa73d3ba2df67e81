package dev.lattice.model.service;

import dev.lattice.model.base.Values;
import java.util.List;

/** Which services in other clusters may be offered a route to this one ({@code "*"} for all). */
public record AdvertiseSpec(List<String> allowedServices) {
  public AdvertiseSpec {
    allowedServices = Values.list(allowedServices);
  }
}
