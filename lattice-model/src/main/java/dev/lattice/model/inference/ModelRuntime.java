package dev.lattice.model.inference;

import dev.lattice.model.base.Values;
import java.util.List;

/** How a role's pods run beyond their workload: the image pull secrets (resources of the workload). */
public record ModelRuntime(List<String> imagePullSecrets) {
  public ModelRuntime {
    imagePullSecrets = Values.list(imagePullSecrets);
  }
}
