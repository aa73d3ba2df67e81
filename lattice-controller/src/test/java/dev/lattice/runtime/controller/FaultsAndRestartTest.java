package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transient API errors and timeouts are retried with backoff until the fleet converges; a new controller instance converges without duplicates or losses. */
class FaultsAndRestartTest extends ControllerTestSupport {
  private static final String STATUS_500 = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":500,\"reason\":\"InternalError\"}";
  private static final String STATUS_409 = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":409,\"reason\":\"Conflict\"}";

  static Map<String, String> fleet() {
    Map<String, String> fleet = new LinkedHashMap<>();
    fleet.put("a", Fleets.service("demo", "a", List.of("b"), List.of()));
    fleet.put("b", Fleets.service("demo", "b", List.of(), List.of("a")));
    return fleet;
  }

  @Test
  void conflictsAndServerErrorsAreRetriedUntilTheFleetConverges() {
    String policies = "/apis/cilium.io/v2/namespaces/demo/ciliumnetworkpolicies";
    cluster.server.expect().post().withPath(policies).andReturn(500, STATUS_500).times(3);
    cluster.server.expect().post().withPath(policies).andReturn(409, STATUS_409).times(2);
    cluster.server.expect().post().withPath("/api/v1/namespaces/demo/services").andReturn(500, STATUS_500).times(2);
    Map<String, String> fleet = fleet();
    fleet.values().forEach(cluster::put);
    LatticeController controller = cluster.startController();
    awaitExactly(Fleets.compile(fleet));
    awaitCondition("LatticeService", "demo", "a", "Ready", "True");
    awaitCondition("LatticeService", "demo", "b", "Ready", "True");
    assertThat(cluster.client.v1().events().inNamespace("demo").list().getItems())
        .anyMatch(e -> e.getReason().equals("ApplyFailed"));
    assertThat(controller.engine().ledger().size()).isEqualTo(Fleets.compile(fleet).documents().size());
  }

  @Test
  void requestsThatTimeOutAreRetriedUntilTheFleetConverges() {
    String policies = "/apis/cilium.io/v2/namespaces/demo/ciliumnetworkpolicies";
    cluster.server.expect().post().delay(3, java.util.concurrent.TimeUnit.SECONDS).withPath(policies)
        .andReturn(500, STATUS_500).times(2);
    Map<String, String> fleet = fleet();
    fleet.values().forEach(cluster::put);
    LatticeController controller = cluster.startControllerWithRequestTimeout(java.time.Duration.ofMillis(800));
    awaitExactly(Fleets.compile(fleet));
    awaitCondition("LatticeService", "demo", "a", "Ready", "True");
    assertThat(cluster.client.v1().events().inNamespace("demo").list().getItems())
        .as("the timed-out applies were reported and retried").anyMatch(e -> e.getReason().equals("ApplyFailed"));
    assertThat(controller.engine().ledger().size()).isEqualTo(Fleets.compile(fleet).documents().size());
  }

  @Test
  void aRestartedControllerConvergesWithNoDuplicatesNorLosses() {
    Map<String, String> fleet = fleet();
    fleet.values().forEach(cluster::put);
    LatticeController first = cluster.startController();
    awaitExactly(Fleets.compile(fleet));
    awaitCondition("LatticeService", "demo", "b", "Ready", "True");
    cluster.stop(first);
    Map<String, String> before = versions();

    LatticeController second = cluster.startController(); // same mock state, empty memory
    awaitExactly(Fleets.compile(fleet));
    MockCluster.await("the second controller's first pass", TIMEOUT, () -> second.engine().ledger().size() > 0 && second.ready());
    sleep(500);
    assertThat(changed(before, versions())).as("nothing re-applied after a restart").isEmpty();
    cluster.stop(second);

    fleet.put("c", Fleets.service("demo", "c", List.of("a"), List.of()));
    fleet.put("a", Fleets.service("demo", "a", List.of("b"), List.of("c")));
    fleet.values().forEach(cluster::put); // changed while no controller ran
    cluster.startController();
    awaitExactly(Fleets.compile(fleet));
    awaitCondition("LatticeService", "demo", "c", "Ready", "True");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
