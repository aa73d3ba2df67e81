package dev.lattice.model.cluster;

import dev.lattice.model.base.WireEnum;

/** Infrastructure providers. {@link #BASIS} is read for compatibility but not compiled. */
public enum ProviderType implements WireEnum {
  DOCKER("docker"),
  AWS("aws"),
  PROXMOX("proxmox"),
  OPENSTACK("openstack"),
  BASIS("basis");

  private final String wire;

  ProviderType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
