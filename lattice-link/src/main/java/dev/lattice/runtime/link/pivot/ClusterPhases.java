package dev.lattice.runtime.link.pivot;

import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.DELETING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.FAILED;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PENDING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PIVOTED;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PIVOTING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.PROVISIONING;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.READY;
import static dev.lattice.model.cluster.LatticeClusterStatus.Phase.UNPIVOTING;

import dev.lattice.model.cluster.LatticeClusterStatus.Phase;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The edges a {@code LatticeCluster}'s {@code status.phase} may take: provision → pivot → ready, and on
 * deletion unpivot → delete; any phase may fail, and a failure resumes at Provisioning, Pivoted or the
 * deletion. The phases are written by the machines that run ({@link PivotMachine}'s and {@link
 * UnpivotMachine}'s steps, each mapped to a phase); their tests hold that consecutive steps take only
 * these edges. (This replaced lattice-emit-capi's pure {@code ClusterLifecycle.next}, which nothing ran.)
 */
final class ClusterPhases {
  private static final Map<Phase, Set<Phase>> EDGES = new EnumMap<>(Phase.class);

  static {
    EDGES.put(PENDING, EnumSet.of(PROVISIONING, DELETING, FAILED));
    EDGES.put(PROVISIONING, EnumSet.of(PIVOTING, DELETING, FAILED));
    EDGES.put(PIVOTING, EnumSet.of(PIVOTED, FAILED));
    EDGES.put(PIVOTED, EnumSet.of(READY, UNPIVOTING, FAILED));
    EDGES.put(READY, EnumSet.of(PIVOTED, UNPIVOTING, FAILED));
    EDGES.put(UNPIVOTING, EnumSet.of(DELETING, FAILED));
    EDGES.put(DELETING, EnumSet.noneOf(Phase.class));
    EDGES.put(FAILED, EnumSet.of(PROVISIONING, PIVOTED, DELETING, UNPIVOTING));
  }

  private ClusterPhases() {}

  /** Whether a cluster may move from one phase to another (staying is always allowed). */
  public static boolean allowed(Phase from, Phase to) {
    return from == to || EDGES.get(from).contains(to);
  }
}
