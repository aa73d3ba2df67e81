package dev.lattice.runtime.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for SIGTERM/Ctrl-C (a JVM shutdown hook) or an interrupt, for the long-running commands. The
 * hook waits (30 s at most) until {@link #close} says everything opened after this was closed, so the
 * JVM does not halt in the middle of a clean shutdown. Open it first in a try-with-resources: it is then
 * closed last.
 */
public final class UntilStopped implements AutoCloseable {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;

  private UntilStopped(String name) {
    this.hook = new Thread(() -> {
      stop.countDown();
      try {
        closed.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Registers the shutdown hook. */
  public static UntilStopped register(String name) {
    return new UntilStopped(name);
  }

  /** Returns on SIGTERM/Ctrl-C or when the thread is interrupted (its interrupt flag then set again). */
  public void await() {
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutting down already (the hook is running and now returns)
    }
  }
}
