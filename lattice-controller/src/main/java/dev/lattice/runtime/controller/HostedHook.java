package dev.lattice.runtime.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;

/**
 * Something a controller process runs beside the controller that the controller sees only as its
 * {@link ClusterHook} — a hosted cell (the link's {@code LeaderOnlyCell}); the controller module never
 * names it. The {@code controller} command calls {@link #started} when this replica starts leading (at
 * once without leader election), {@link #stopped} when it loses the Lease, and closes it after the
 * controller.
 */
public interface HostedHook extends AutoCloseable {
  /** The hook the controller calls for every {@code LatticeCluster} it settles or deletes. */
  ClusterHook hook();

  /** This replica leads. */
  void started();

  /** This replica no longer leads (the Lease was lost, or the process stops). */
  void stopped();

  @Override
  void close();

  /** Opens a hosted hook once the process has its Kubernetes client. */
  @FunctionalInterface
  interface Opener {
    HostedHook open(KubernetesClient client, PrintWriter out) throws Exception;
  }
}
