package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.lattice.runtime.fleet.Ownership;
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

  /**
   * Issue #16, item 1: a LatticeCluster whose spec gains an error while no controller runs keeps
   * every CAPI document it owned — a pruned Cluster would have CAPI delete the machines.
   */
  @Test
  void aRestartNeverPrunesWhatAFailingClusterSpecStillOwns() {
    cluster.put("apiVersion: lattice.dev/v1alpha1\nkind: CloudProvider\nmetadata:\n  name: docker\nspec:\n  type: docker\n");
    cluster.put(dockerCluster(1));
    LatticeController first = cluster.startController();
    String capiCluster = "cluster.x-k8s.io/v1beta2 Cluster/capi-edge/edge";
    MockCluster.await("edge's CAPI documents applied", TIMEOUT, () -> documents().containsKey(capiCluster)
        && documents().keySet().stream().filter(id -> id.contains("/capi-edge/")).count() > 5);
    MockCluster.await("edge applied", TIMEOUT, () -> "True".equals(conditions(status("LatticeCluster", null, "edge")).get("Applied")));
    cluster.stop(first);
    List<String> owned = documents().keySet().stream().filter(id -> id.contains("/capi-edge/")).toList();
    assertThat(documents().get(capiCluster).path("metadata").path("annotations").path(Ownership.OWNER).asText())
        .isEqualTo("LatticeCluster/edge");

    cluster.put(dockerCluster(2)); // an even control plane: LAT4001, an error
    LatticeController second = cluster.startController(); // empty memory: no last good spec
    awaitCondition("LatticeCluster", null, "edge", "Compiled", "False");
    MockCluster.await("the second controller's pass", TIMEOUT, () -> second.ready());
    sleep(1500); // a pass that would prune has run by now
    assertThat(documents().keySet()).as("nothing edge owned is pruned").containsAll(owned);
    cluster.stop(second);
  }

  /**
   * Issue #16, item 1, for every kind: a service whose spec gains an error while no controller runs
   * is compiled from the spec its status keeps ({@code lastAppliedSpec}), so its peers' policies and
   * its own documents stay exactly as they were applied. Without the kept spec the restarted
   * controller would compile b without its agreement with a.
   */
  @Test
  void aRestartCompilesTheLastAppliedSpecOfAServiceThatNowHasErrors() {
    Map<String, String> fleet = fleet();
    fleet.values().forEach(cluster::put);
    LatticeController first = cluster.startController();
    awaitExactly(Fleets.compile(fleet));
    awaitCondition("LatticeService", "demo", "a", "Ready", "True");
    assertThat(status("LatticeService", "demo", "a").path("lastAppliedSpec").asText()).contains("registry.example.com/a");
    cluster.stop(first);

    cluster.put(fleet.get("a").replace("  replicas: 1\n", "  replicas: 1\n  replicaz: 2\n")); // LAT1010: an unknown field
    LatticeController second = cluster.startController(); // empty memory
    awaitCondition("LatticeService", "demo", "a", "Compiled", "False");
    MockCluster.await("the second controller's pass", TIMEOUT, () -> second.ready());
    awaitExactly(Fleets.compile(fleet)); // a's last applied spec, b's policies with the agreement
    sleep(1000);
    awaitExactly(Fleets.compile(fleet));
    assertThat(conditions(status("LatticeService", "demo", "a")).get("Applied")).isEqualTo("False");
    assertThat(status("LatticeService", "demo", "a").path("conditions").toString())
        .contains("the last spec that compiled stays applied");
    cluster.stop(second);
  }

  private static String dockerCluster(int controlPlanes) {
    return "apiVersion: lattice.dev/v1alpha1\nkind: LatticeCluster\nmetadata:\n  name: edge\nspec:\n"
        + "  providerRef: docker\n  provider:\n    kubernetes:\n      version: \"1.32.0\"\n      bootstrap: kubeadm\n"
        + "    config:\n      docker:\n        lbCidr: \"172.18.254.0/28\"\n"
        + "  nodes:\n    controlPlane:\n      replicas: " + controlPlanes + "\n    workerPools:\n      default:\n        replicas: 1\n";
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
