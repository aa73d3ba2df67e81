package dev.lattice.model;

import dev.lattice.model.base.Values;
import dev.lattice.model.base.Required;
import dev.lattice.model.mesh.LatticeMeshMemberSpec;
import dev.lattice.model.service.LatticeServiceStatus;
import java.util.Optional;

/** A workload Lattice does not deploy but enrols in the mesh, with its own declarations. */
@org.immutables.value.Value.Builder
public record LatticeMeshMember(
    @Required ObjectMeta metadata, @Required LatticeMeshMemberSpec spec, Optional<LatticeServiceStatus> status)
    implements LatticeObject {

  public LatticeMeshMember {
    status = Values.opt(status);
  }

  @Override
  public Kind kind() {
    return Kind.LATTICE_MESH_MEMBER;
  }
}
