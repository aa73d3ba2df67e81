package dev.lattice.runtime.link.pivot;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.proto.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver over a real link: a fake mover fills the child, the agent confirms over its stream. */
class PivotDriverTest {
  private final Map<String, PivotState> saved = new ConcurrentHashMap<>();
  private final PivotDriver.Store store = new PivotDriver.Store() {
    @Override public Optional<PivotState> load(String c) { return Optional.ofNullable(saved.get(c)); }
    @Override public void save(String c, PivotState s) { saved.put(c, s); }
  };
  private final Set<String> childObjects = ConcurrentHashMap.newKeySet();
  private final AtomicInteger moves = new AtomicInteger();
  private final ClusterMover fakeMover = (cluster, ns) -> {
    moves.incrementAndGet();
    childObjects.add(ns + "/Cluster/" + cluster);
  };
  private LinkFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new LinkFixture();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private void agent() throws Exception {
    f.agent(f.enroll("edge"), c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true)
        .putDetails("present", String.valueOf(childObjects.contains(c.getConfirmPivot().getCapiNamespace() + "/Cluster/edge")))
        .build(), Duration.ofHours(1));
    await("agent connected", () -> f.registry.connectedCount() == 1);
  }

  private PivotFacts facts(boolean childReady) {
    return new PivotFacts(true, true, f.registry.connectedCount() == 1, Optional.empty(), childReady);
  }

  @Test
  void provisionToReadyOverTheLink() throws Exception {
    PivotDriver d = new PivotDriver(store, fakeMover, f.registry::session);
    assertThat(d.step("edge", new PivotFacts(false, false, false, Optional.empty(), false)).step())
        .isEqualTo(PivotStep.PROVISIONING);
    assertThat(d.step("edge", facts(false)).step()).isEqualTo(PivotStep.AWAITING_BOOTSTRAP);
    assertThat(d.step("edge", facts(false)).step()).isEqualTo(PivotStep.AWAITING_AGENT);
    assertThat(d.step("edge", facts(false)).step()).as("no agent yet").isEqualTo(PivotStep.AWAITING_AGENT);
    agent();
    PivotState moved = d.step("edge", facts(false));
    assertThat(moved).isEqualTo(new PivotState(PivotStep.MOVING, true, 0));
    assertThat(d.step("edge", facts(false)).step()).isEqualTo(PivotStep.AWAITING_CONFIRMATION);
    await("confirmed", () -> f.registry.session("edge").resultOf("confirm-pivot-edge-1").isPresent());
    assertThat(d.step("edge", facts(false)).step()).isEqualTo(PivotStep.PIVOTED);
    f.close(); // the link goes away: the child keeps working
    assertThat(d.step("edge", new PivotFacts(true, true, false, Optional.empty(), true)).step()).isEqualTo(PivotStep.READY);
    assertThat(moves).hasValue(1);
  }

  @Test
  void aRestartMidPivotResumesWithoutMovingTwice() throws Exception {
    agent();
    saved.put("edge", new PivotState(PivotStep.AWAITING_AGENT, false, 0));
    ClusterMover crashing = (c, ns) -> {
      fakeMover.move(c, ns);
      throw new IllegalStateException("cell crashed after the move, before the marker");
    };
    assertThatThrownBy(() -> new PivotDriver(store, crashing, f.registry::session).step("edge", facts(false)))
        .hasMessageContaining("crashed");
    assertThat(saved.get("edge")).isEqualTo(new PivotState(PivotStep.MOVING, false, 0));
    PivotDriver restarted = new PivotDriver(store, fakeMover, f.registry::session);
    assertThat(restarted.step("edge", facts(false))).isEqualTo(new PivotState(PivotStep.MOVING, true, 0));
    assertThat(moves).as("moved again: the marker was missing").hasValue(2);
    PivotDriver again = new PivotDriver(store, fakeMover, f.registry::session);
    assertThat(again.step("edge", facts(false)).step()).isEqualTo(PivotStep.AWAITING_CONFIRMATION);
    assertThat(moves).as("the marker was there: no second move").hasValue(2);
    await("confirmed", () -> f.registry.session("edge").resultOf("confirm-pivot-edge-1").isPresent());
    assertThat(new PivotDriver(store, fakeMover, f.registry::session).step("edge", facts(false)).step())
        .isEqualTo(PivotStep.PIVOTED);
  }

  @Test
  void objectsMissingInTheChildAreAskedAgain() throws Exception {
    agent();
    saved.put("edge", new PivotState(PivotStep.MOVING, true, 0));
    PivotDriver d = new PivotDriver(store, fakeMover, f.registry::session);
    assertThat(d.step("edge", facts(false)).step()).isEqualTo(PivotStep.AWAITING_CONFIRMATION);
    await("answered", () -> f.registry.session("edge").resultOf("confirm-pivot-edge-1").isPresent());
    assertThat(f.registry.session("edge").resultOf("confirm-pivot-edge-1").get().getDetailsMap()).containsEntry("present", "false");
    childObjects.add("capi-edge/Cluster/edge");
    assertThat(d.step("edge", facts(false))).isEqualTo(new PivotState(PivotStep.AWAITING_CONFIRMATION, true, 2));
    await("answered again", () -> f.registry.session("edge").resultOf("confirm-pivot-edge-2").isPresent());
    assertThat(d.step("edge", facts(false)).step()).isEqualTo(PivotStep.PIVOTED);
  }

  @Test
  void theRealMoverRunsClusterctlMove() {
    ClusterctlMover m = new ClusterctlMover(c -> Path.of("/tmp/" + c + ".kubeconfig"), 10);
    assertThat(m.command("edge", "capi-edge")).containsExactly("clusterctl", "move", "--namespace", "capi-edge",
        "--to-kubeconfig", "/tmp/edge.kubeconfig");
  }
}
