package dev.lattice.runtime.link.wiring;

import dev.lattice.runtime.controller.ClusterHook;
import dev.lattice.runtime.controller.HostedHook;
import dev.lattice.runtime.link.cli.CellData;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * A cell that runs only while this controller replica holds the Lease: {@link #started} starts it
 * (from {@code --cell-data}, so the next leader resumes with the same CA, tokens and pivot state),
 * {@link #stopped} closes its servers. Its {@link #hook} asks again after {@code retry} while there is
 * no cell here, so a standby never issues a Secret nor moves a cluster, and a deleted child keeps its
 * finalizer until the leader has unpivoted it. A cell that failed to start is started again on the
 * next reconcile.
 */
final class LeaderOnlyCell implements HostedHook {
  /** Starts a cell (binding its ports). */
  @FunctionalInterface
  public interface Starter {
    HostedCell start() throws IOException;
  }

  private final Starter starter;
  private final Duration retry;
  private final PrintWriter out;
  private boolean leading;
  private HostedCell cell;
  private ClusterHook hook;
  private String lastFailure;

  public LeaderOnlyCell(Starter starter, Duration retry, PrintWriter out) {
    this.starter = starter;
    this.retry = retry;
    this.out = out;
  }

  /** This replica leads: start the cell. */
  @Override
  public synchronized void started() {
    leading = true;
    ensureStarted();
  }

  /** This replica lost the Lease (or stops): close the cell. */
  @Override
  public synchronized void stopped() {
    leading = false;
    if (cell != null) {
      say("cell: this replica stopped leading: closing the cell");
      HostedCell c = cell;
      cell = null;
      hook = null;
      c.close();
    }
  }

  /** Whether the cell runs here now. */
  public synchronized boolean serving() {
    return cell != null;
  }

  /** The controller's hook: the cell's while it runs here, else "again after {@code retry}". */
  @Override
  public ClusterHook hook() {
    return new ClusterHook() {
      @Override
      public Optional<Duration> reconciled(String cluster) throws Exception {
        ClusterHook h = current();
        return h == null ? Optional.of(retry) : h.reconciled(cluster);
      }

      @Override
      public Optional<Duration> deleting(String cluster) throws Exception {
        ClusterHook h = current();
        return h == null ? Optional.of(retry) : h.deleting(cluster);
      }
    };
  }

  private synchronized ClusterHook current() {
    ensureStarted();
    return hook;
  }

  private void ensureStarted() {
    if (!leading || cell != null) {
      return;
    }
    try {
      cell = starter.start();
      hook = cell.hook();
      say("cell: this replica leads: serving the cell");
      lastFailure = null;
    } catch (CellData.Unusable e) {
      // an operator's matter (a damaged CA, another cell on the folder): said once until it changes
      if (!e.getMessage().equals(lastFailure)) {
        say("cell: the cell does not run: " + e.getMessage() + " (retried)");
      }
      lastFailure = e.getMessage();
    } catch (IOException | RuntimeException e) {
      say("cell: could not start the cell (retried): " + e);
    }
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }

  @Override
  public void close() {
    stopped();
  }
}
