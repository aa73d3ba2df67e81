package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 1,000 LatticeServices (20 namespaces of 50, each calling the next under a bilateral agreement)
 * converge against the mock server. Time and API calls per service are printed, not asserted.
 */
class ScaleTest extends ControllerTestSupport {
  static final int NAMESPACES = 20;
  static final int PER_NAMESPACE = 50;

  @Test
  void aThousandServicesConverge() {
    Map<String, String> fleet = new LinkedHashMap<>();
    for (int n = 0; n < NAMESPACES; n++) {
      for (int i = 0; i < PER_NAMESPACE; i++) {
        String ns = "team-" + n;
        List<String> out = i + 1 < PER_NAMESPACE ? List.of("svc-" + (i + 1)) : List.of();
        List<String> in = i > 0 ? List.of("svc-" + (i - 1)) : List.of();
        fleet.put(ns + "/" + i, Fleets.service(ns, "svc-" + i, out, in));
      }
    }
    fleet.values().forEach(cluster::put);
    var expected = Fleets.compile(fleet);
    assertThat(expected.hasErrors()).isFalse();
    int requestsBefore = cluster.server.getRequestCount();
    long start = System.nanoTime();
    LatticeController controller = cluster.startController();
    MockCluster.await("every document applied", TIMEOUT.multipliedBy(3),
        () -> controller.engine().ledger().size() == expected.documents().size());
    MockCluster.await("the last service ready", TIMEOUT,
        () -> "True".equals(conditions(status("LatticeService", "team-" + (NAMESPACES - 1), "svc-" + (PER_NAMESPACE - 1))).get("Ready")));
    double seconds = (System.nanoTime() - start) / 1e9;
    int requests = cluster.server.getRequestCount() - requestsBefore;
    int services = fleet.size();
    System.out.printf("scale: %d services, %d documents converged in %.1f s; %d API requests, %.1f per service%n",
        services, expected.documents().size(), seconds, requests, (double) requests / services);

    int atQuiet = awaitQuiet();
    System.out.printf("scale: quiet (finalizers, status, Events all written) after %.1f s; %d API requests, %.1f per service%n",
        (System.nanoTime() - start) / 1e9, atQuiet - requestsBefore, (double) (atQuiet - requestsBefore) / services);
    String policy = "cilium.io/v2 CiliumNetworkPolicy/team-0/svc-10";
    String hashBefore = controller.engine().ledger().get(policy).orElseThrow().hash();
    int beforeChange = cluster.server.getRequestCount();
    long changeStart = System.nanoTime();
    cluster.put(Fleets.service("team-0", "svc-10", List.of("svc-11"), List.of())); // svc-10 no longer accepts svc-9
    MockCluster.await("svc-10's policy re-applied", TIMEOUT,
        () -> !controller.engine().ledger().get(policy).orElseThrow().hash().equals(hashBefore));
    double changeSeconds = (System.nanoTime() - changeStart) / 1e9;
    sleepQuietly(1000); // let status and Events of the pass land before counting
    System.out.printf("scale: one agreement withdrawn in the 1,000-service fleet: re-applied in %.2f s with %d API requests "
        + "(the test's own 2 included)%n", changeSeconds, cluster.server.getRequestCount() - beforeChange);
    awaitExactly(Fleets.compile(withChange(fleet)));
  }

  /** Waits until the mock sees no request for a second (the test itself sends none meanwhile); returns the count. */
  private int awaitQuiet() {
    int last = -1;
    int now = cluster.server.getRequestCount();
    while (now != last) {
      last = now;
      sleepQuietly(1000);
      now = cluster.server.getRequestCount();
    }
    return now;
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> withChange(Map<String, String> fleet) {
    Map<String, String> changed = new LinkedHashMap<>(fleet);
    changed.put("team-0/10", Fleets.service("team-0", "svc-10", List.of("svc-11"), List.of()));
    return changed;
  }
}
