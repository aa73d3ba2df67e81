package dev.lattice.runtime.link.pivot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.model.cluster.LatticeClusterStatus.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Unpivot on delete: the pure machine (every state × every fact combination) and the driver with a
 * fake importer that moves objects from a "child" set into a "parent" set, with crashes around the
 * {@code unpivotImportComplete} marker.
 */
class UnpivotTest {
  private static final String NS = "capi-edge";

  // ---- the machine ----

  private static List<UnpivotFacts> allFacts() {
    List<UnpivotFacts> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      out.add(new UnpivotFacts((i & 1) != 0, (i & 2) != 0, (i & 4) != 0));
    }
    return out;
  }

  private static List<UnpivotState> allStates() {
    List<UnpivotState> out = new ArrayList<>();
    for (UnpivotStep s : UnpivotStep.values()) {
      out.add(new UnpivotState(s, false));
      out.add(new UnpivotState(s, true));
    }
    return out;
  }

  @Test
  void deletionIsNeverAskedBeforeTheObjectsAreBackInTheParent() {
    for (UnpivotState s : allStates()) {
      for (UnpivotFacts f : allFacts()) {
        UnpivotMachine.Transition t = UnpivotMachine.next(s, f);
        String why = s + " + " + f + " → " + t;
        if (t.action() == UnpivotAction.DELETE || t.state().step().compareTo(UnpivotStep.DELETING) >= 0) {
          assertThat(s.unpivotImportComplete() || s.step().compareTo(UnpivotStep.DELETING) >= 0).as(why).isTrue();
        }
        if (t.action() == UnpivotAction.IMPORT) {
          assertThat(f.agentConnected()).as(why).isTrue();
          assertThat(s.unpivotImportComplete()).as("never imports again after the marker: " + why).isFalse();
        }
        assertThat(t.state().unpivotImportComplete()).as("the machine never clears or sets the marker: " + why)
            .isEqualTo(s.unpivotImportComplete());
        assertThat(t.state().step().ordinal() - s.step().ordinal()).as("one step forward at most: " + why)
            .isBetween(0, 1);
      }
    }
  }

  @Test
  void theHappyPathInOrder() {
    UnpivotFacts agent = new UnpivotFacts(true, false, false);
    var start = UnpivotMachine.next(UnpivotState.initial(), new UnpivotFacts(false, false, false));
    assertThat(start.state().step()).as("waits for the agent").isEqualTo(UnpivotStep.AWAITING_AGENT);
    assertThat(start.action()).isEqualTo(UnpivotAction.NONE);
    var toImport = UnpivotMachine.next(UnpivotState.initial(), agent);
    assertThat(toImport).isEqualTo(new UnpivotMachine.Transition(new UnpivotState(UnpivotStep.IMPORTING, false),
        UnpivotAction.IMPORT));
    UnpivotState imported = UnpivotMachine.imported(toImport.state());
    assertThat(UnpivotMachine.next(imported, agent).action()).as("marker set, objects not seen yet: wait")
        .isEqualTo(UnpivotAction.NONE);
    var delete = UnpivotMachine.next(imported, new UnpivotFacts(false, true, false));
    assertThat(delete.state().step()).as("the link is no longer needed").isEqualTo(UnpivotStep.DELETING);
    assertThat(delete.action()).isEqualTo(UnpivotAction.DELETE);
    assertThat(UnpivotMachine.next(delete.state(), new UnpivotFacts(false, true, false)).action())
        .as("asked again until gone").isEqualTo(UnpivotAction.DELETE);
    assertThat(UnpivotMachine.next(delete.state(), new UnpivotFacts(false, false, true)).state().step())
        .isEqualTo(UnpivotStep.DELETED);
  }

  @Test
  void everyStepMapsToALifecyclePhaseReachableFromAPivotedCluster() {
    assertThat(ClusterPhases.allowed(Phase.READY, UnpivotStep.AWAITING_AGENT.phase())).isTrue();
    assertThat(ClusterPhases.allowed(Phase.PIVOTED, UnpivotStep.AWAITING_AGENT.phase())).isTrue();
    UnpivotStep[] steps = UnpivotStep.values();
    for (int i = 1; i < steps.length; i++) {
      assertThat(ClusterPhases.allowed(steps[i - 1].phase(), steps[i].phase()))
          .as(steps[i - 1] + " → " + steps[i]).isTrue();
    }
  }

  // ---- the driver, with a fake importer ----

  private final Map<String, UnpivotState> saved = new ConcurrentHashMap<>();
  private final StateStore<UnpivotState> store = new StateStore<>() {
    @Override public Optional<UnpivotState> load(String c) { return Optional.ofNullable(saved.get(c)); }
    @Override public void save(String c, UnpivotState s) { saved.put(c, s); }
  };
  private final Set<String> child = ConcurrentHashMap.newKeySet();
  private final Set<String> parent = ConcurrentHashMap.newKeySet();
  private final AtomicInteger imports = new AtomicInteger();
  private final AtomicInteger moved = new AtomicInteger();
  private final List<String> deletes = new ArrayList<>();
  /** Moves whatever is still in the child: a second run after a completed move finds nothing. */
  private final ClusterMover fakeImporter = (cluster, ns) -> {
    imports.incrementAndGet();
    for (String o : List.copyOf(child)) {
      if (o.startsWith(ns + "/")) {
        child.remove(o);
        parent.add(o);
        moved.incrementAndGet();
      }
    }
  };
  private final UnpivotDriver.Deleter fakeDeleter = (cluster, ns) -> {
    assertThat(parent).as("deletion starts only with the objects in the parent").isNotEmpty();
    deletes.add(cluster);
  };

  private void fillChild() {
    child.add(NS + "/Cluster/edge");
    child.add(NS + "/MachineDeployment/edge-md");
  }

  private UnpivotFacts facts(boolean agent, boolean gone) {
    return new UnpivotFacts(agent, parent.contains(NS + "/Cluster/edge"), gone);
  }

  @Test
  void deleteImportsBackThenDeletes() throws Exception {
    fillChild();
    UnpivotDriver d = new UnpivotDriver(store, fakeImporter, fakeDeleter);
    assertThat(d.step("edge", facts(false, false)).step()).isEqualTo(UnpivotStep.AWAITING_AGENT);
    assertThat(d.step("edge", facts(true, false))).isEqualTo(new UnpivotState(UnpivotStep.IMPORTING, true));
    assertThat(child).isEmpty();
    assertThat(parent).containsExactlyInAnyOrder(NS + "/Cluster/edge", NS + "/MachineDeployment/edge-md");
    assertThat(deletes).as("not in the same step as the import").isEmpty();
    assertThat(d.step("edge", facts(false, false)).step()).isEqualTo(UnpivotStep.DELETING);
    assertThat(deletes).containsExactly("edge");
    assertThat(d.step("edge", facts(false, true)).step()).isEqualTo(UnpivotStep.DELETED);
    assertThat(imports).hasValue(1);
  }

  @Test
  void aCrashBeforeTheMarkerImportsAgainAndFindsNothingLeftAfterItNeverImportsAgain() throws Exception {
    fillChild();
    ClusterMover crashing = (c, ns) -> {
      fakeImporter.move(c, ns);
      throw new IllegalStateException("cell crashed after the import, before the marker");
    };
    assertThatThrownBy(() -> new UnpivotDriver(store, crashing, fakeDeleter).step("edge", facts(true, false)))
        .hasMessageContaining("crashed");
    assertThat(saved.get("edge")).as("the step was saved before acting, the marker not")
        .isEqualTo(new UnpivotState(UnpivotStep.IMPORTING, false));
    assertThat(deletes).isEmpty();

    UnpivotDriver restarted = new UnpivotDriver(store, fakeImporter, fakeDeleter);
    assertThat(restarted.step("edge", facts(true, false))).isEqualTo(new UnpivotState(UnpivotStep.IMPORTING, true));
    assertThat(imports).as("imported again: the marker was missing").hasValue(2);
    assertThat(moved).as("the second import found nothing left in the child").hasValue(2);

    UnpivotDriver again = new UnpivotDriver(store, fakeImporter, fakeDeleter);
    assertThat(again.step("edge", facts(true, false)).step()).isEqualTo(UnpivotStep.DELETING);
    assertThat(imports).as("the marker was there: no third import").hasValue(2);
    assertThat(deletes).containsExactly("edge");
  }

  @Test
  void aFailedImportDeletesNothingAndIsRetried() throws Exception {
    fillChild();
    ClusterMover failing = (c, ns) -> {
      throw new IllegalStateException("clusterctl move failed");
    };
    assertThatThrownBy(() -> new UnpivotDriver(store, failing, fakeDeleter).step("edge", facts(true, false)))
        .hasMessageContaining("failed");
    UnpivotDriver d = new UnpivotDriver(store, fakeImporter, fakeDeleter);
    assertThat(d.step("edge", facts(false, false))).as("no agent: waits, marker unset, nothing deleted")
        .isEqualTo(new UnpivotState(UnpivotStep.IMPORTING, false));
    assertThat(deletes).isEmpty();
    assertThat(d.step("edge", facts(true, false)).unpivotImportComplete()).isTrue();
    assertThat(d.step("edge", facts(true, false)).step()).isEqualTo(UnpivotStep.DELETING);
    assertThat(child).isEmpty();
  }

  @Test
  void theRealImporterRunsClusterctlMoveFromTheChild() {
    ClusterctlMover m = ClusterctlMover.unpivot(c -> Path.of("/tmp/" + c + ".kubeconfig"), Path.of("/tmp/cell.kubeconfig"), 10);
    assertThat(m.command("edge", NS)).containsExactly("clusterctl", "move", "--kubeconfig", "/tmp/edge.kubeconfig",
        "--namespace", NS, "--to-kubeconfig", "/tmp/cell.kubeconfig");
  }
}
