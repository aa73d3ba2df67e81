package dev.lattice.runtime.link.proxy;

import dev.lattice.runtime.link.cell.ChildRegistry;
import dev.lattice.runtime.link.pki.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cell's API proxies, one per child, started on first use, and their kubeconfigs:
 * {@code <dir>/<cluster>.kubeconfig} (mode 0600, though it holds no secret), whose server is that
 * child's {@link ApiProxyServer}. What {@code clusterctl move} is given for the child's side of a
 * pivot ({@code --to-kubeconfig}) and of an unpivot ({@code --kubeconfig}).
 */
public final class ChildApiProxies implements AutoCloseable {
  private final ChildRegistry registry;
  private final Path dir;
  private final Duration timeout;
  private final Map<String, ApiProxyServer> running = new ConcurrentHashMap<>();

  public ChildApiProxies(ChildRegistry registry, Path dir, Duration timeout) {
    this.registry = registry;
    this.dir = dir;
    this.timeout = timeout;
  }

  /** The kubeconfig of {@code cluster}'s proxy, starting the proxy (and writing the file) if it is not running. */
  public Path kubeconfig(String cluster) {
    Path file = dir.resolve(cluster + ".kubeconfig");
    running.computeIfAbsent(cluster, c -> {
      try {
        ApiProxyServer p = ApiProxyServer.start(registry.session(c), timeout);
        OwnerOnly.write(OwnerOnly.directory(dir).resolve(c + ".kubeconfig"), ProxyKubeconfig.yaml(c, p.uri()));
        return p;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the API proxy of cluster " + c, e);
      }
    });
    return file;
  }

  /** The running proxy of {@code cluster}, if any. */
  public Optional<ApiProxyServer> proxy(String cluster) {
    return Optional.ofNullable(running.get(cluster));
  }

  /** Stops the proxy of {@code cluster} (after a move, so that it listens only while needed). */
  public void stop(String cluster) {
    ApiProxyServer p = running.remove(cluster);
    if (p != null) {
      p.close();
    }
  }

  @Override
  public void close() {
    running.keySet().forEach(this::stop);
  }
}
