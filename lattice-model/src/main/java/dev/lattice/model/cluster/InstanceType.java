package dev.lattice.model.cluster;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Optional;

/**
 * A machine size: a provider's named type ({@code m7i-flex.large}, written as a plain string or as
 * {@code {name: ...}}), or an explicit {@code {cores, memoryGib, diskGib, sockets}} for providers
 * without named types (Proxmox).
 */
public record InstanceType(
    Optional<String> name,
    Optional<Integer> cores,
    Optional<Integer> memoryGib,
    Optional<Integer> diskGib,
    Optional<Integer> sockets,
    List<DataDisk> dataDisks) {

  public InstanceType {
    name = Values.opt(name);
    cores = Values.opt(cores);
    memoryGib = Values.opt(memoryGib);
    diskGib = Values.opt(diskGib);
    sockets = Values.opt(sockets);
    dataDisks = Values.list(dataDisks);
  }

  /** A named type, as written {@code instanceType: m7i.large}. */
  public static InstanceType fromScalar(String name) {
    return new InstanceType(Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of());
  }

  public boolean isNamed() {
    return name.isPresent();
  }

  public boolean isExplicit() {
    return cores.isPresent() || memoryGib.isPresent() || diskGib.isPresent() || sockets.isPresent();
  }

  /** An extra raw disk. */
  public record DataDisk(@Required int sizeGib, Optional<String> purpose, Optional<NodesSpec.Placement> selector) {
    public DataDisk {
      purpose = Values.opt(purpose);
      selector = Values.opt(selector);
    }
  }
}
