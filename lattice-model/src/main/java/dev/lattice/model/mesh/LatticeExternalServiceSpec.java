package dev.lattice.model.mesh;

import dev.lattice.model.base.DefaultValue;
import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An external endpoint: named {@code endpoints} (URLs such as {@code https://api.stripe.com} or
 * {@code host:port}), who may call it ({@code allowedRequesters}: {@code name} in this namespace,
 * {@code ns/name} elsewhere, or {@code "*"}), and how its address resolves.
 */
@org.immutables.value.Value.Builder
public record LatticeExternalServiceSpec(
    @Required Map<String, String> endpoints,
    List<String> allowedRequesters,
    @DefaultValue("dns") Resolution resolution,
    Optional<String> description,
    Optional<String> environment) {

  public LatticeExternalServiceSpec {
    environment = Values.opt(environment);
    endpoints = Values.map(endpoints);
    allowedRequesters = Values.list(allowedRequesters);
    resolution = resolution == null ? Resolution.DNS : resolution;
    description = Values.opt(description);
  }

  /** How the endpoint's address is found: by DNS name or as a static IP/CIDR. */
  public enum Resolution implements WireEnum {
    DNS("dns"),
    STATIC("static");

    private final String wire;

    Resolution(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
