package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.server.ControllerCommand;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * The seam of the controller command: the controller module's own {@code controller} knows no
 * {@code --cell-*} option, and what a subclass hosts (the link's cell) is opened with the command's
 * client, started at once without leader election, called by the controller for a settled
 * {@code LatticeCluster}, and closed when the command stops.
 */
class HostedHookTest extends ControllerTestSupport {
  @Test
  void theControllerModulesCommandHasNoCellOptions() {
    StringWriter err = new StringWriter();
    int code = new CommandLine(new ControllerCommand(cluster.server::createClient)).setErr(new PrintWriter(err, true))
        .execute("--cell-grpc", "127.0.0.1:0", "--health-port", "0", "--metrics-port", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown options: '--cell-grpc'");
  }

  @Test
  @Timeout(120)
  void whatASubclassHostsIsOpenedStartedAndClosedWithTheCommand() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    List<KubernetesClient> clients = new CopyOnWriteArrayList<>();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    Future<Integer> run = thread.submit(() -> new CommandLine(new Hosting(events, clients))
        .execute("--apply-mode", "replace", "--health-port", "0", "--metrics-port", "0", "--log-format", "text"));
    try {
      MockCluster.await("the hosted hook started", TIMEOUT, () -> events.contains("started"));
      assertThat(events).containsExactly("open", "hook", "started");
      assertThat(clients).hasSize(1);
      cluster.put("apiVersion: lattice.dev/v1alpha1\nkind: CloudProvider\nmetadata:\n  name: docker\nspec:\n  type: docker\n");
      cluster.put("apiVersion: lattice.dev/v1alpha1\nkind: LatticeCluster\nmetadata:\n  name: edge\nspec:\n"
          + "  providerRef: docker\n  provider:\n    kubernetes:\n      version: \"1.32.0\"\n      bootstrap: kubeadm\n"
          + "    config:\n      docker:\n        lbCidr: \"172.18.254.0/28\"\n"
          + "  nodes:\n    controlPlane:\n      replicas: 1\n    workerPools:\n      default:\n        replicas: 1\n");
      MockCluster.await("the controller calls the hosted hook", TIMEOUT, () -> events.contains("reconciled edge"));
      run.cancel(true); // as SIGTERM
      thread.shutdown();
      assertThat(thread.awaitTermination(30, TimeUnit.SECONDS)).as("the command stopped").isTrue();
      assertThat(events.subList(0, 3)).containsExactly("open", "hook", "started");
      assertThat(events.get(events.size() - 1)).as("closed last").isEqualTo("closed");
      assertThat(events).doesNotContain("stopped").containsOnlyOnce("closed");
    } finally {
      thread.shutdownNow();
    }
  }

  /** A controller command hosting a recording hook, as the link's command hosts the cell. */
  private final class Hosting extends ControllerCommand {
    private final List<String> events;
    private final List<KubernetesClient> clients;

    Hosting(List<String> events, List<KubernetesClient> clients) {
      super(cluster.server::createClient);
      this.events = events;
      this.clients = clients;
    }

    @Override
    protected Optional<HostedHook.Opener> hosting() {
      return Optional.of((client, out) -> {
        events.add("open");
        clients.add(client);
        return new HostedHook() {
          @Override
          public ClusterHook hook() {
            events.add("hook");
            return cluster -> {
              events.add("reconciled " + cluster);
              return Optional.empty();
            };
          }

          @Override
          public void started() {
            events.add("started");
          }

          @Override
          public void stopped() {
            events.add("stopped");
          }

          @Override
          public void close() {
            events.add("closed");
          }
        };
      });
    }
  }
}
