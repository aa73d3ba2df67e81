package dev.lattice.runtime.link.pivot;

import dev.lattice.emit.capi.CapiNames;
import dev.lattice.runtime.link.cell.ChildSession;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.ConfirmPivot;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the {@link PivotMachine} for one cluster: persists each new state before acting (the store is
 * the {@code LatticeCluster} status in the runtime, a map in tests), moves with the
 * {@link ClusterMover} and persists {@code moveComplete} right after, and sends ConfirmPivot over the
 * agent's stream. The answer to the current confirmation is read back from the session's results.
 */
public final class PivotDriver {
  /** Where pivot states survive a restart. */
  public interface Store extends StateStore<PivotState> {}

  static final List<String> CAPI_KINDS = List.of("Cluster", "KubeadmControlPlane", "MachineDeployment");

  private final Store store;
  private final ClusterMover mover;
  private final Function<String, ChildSession> sessions;

  public PivotDriver(Store store, ClusterMover mover, Function<String, ChildSession> sessions) {
    this.store = store;
    this.mover = mover;
    this.sessions = sessions;
  }

  /** One reconcile: observe the confirmation, transition, persist, act. Returns the new state. */
  public PivotState step(String cluster, PivotFacts observed) throws Exception {
    PivotState s = store.load(cluster).orElse(PivotState.initial());
    PivotFacts facts = s.step() == PivotStep.AWAITING_CONFIRMATION
        ? new PivotFacts(observed.provisioned(), observed.bootstrapCalled(), observed.agentConnected(),
            sessions.apply(cluster).resultOf(s.confirmCommandId(cluster))
                .map(r -> r.getSuccess() && "true".equals(r.getDetailsMap().get("present"))),
            observed.childReady())
        : observed;
    PivotMachine.Transition t = PivotMachine.next(s, facts);
    store.save(cluster, t.state());
    switch (t.action()) {
      case MOVE -> {
        mover.move(cluster, CapiNames.namespace(cluster));
        PivotState moved = PivotMachine.moved(t.state());
        store.save(cluster, moved);
        return moved;
      }
      case CONFIRM -> sessions.apply(cluster).submit(Command.newBuilder().setId(t.state().confirmCommandId(cluster))
          .setConfirmPivot(ConfirmPivot.newBuilder().setCapiNamespace(CapiNames.namespace(cluster)).addAllExpectedKinds(CAPI_KINDS))
          .build());
      case NONE -> { }
    }
    return t.state();
  }
}
