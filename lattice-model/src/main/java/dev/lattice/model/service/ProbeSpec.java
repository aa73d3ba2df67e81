package dev.lattice.model.service;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Optional;

/** A liveness, readiness or startup probe: exactly one of httpGet, exec or tcpSocket, and timings. */
@org.immutables.value.Value.Builder
public record ProbeSpec(
    Optional<HttpGet> httpGet,
    Optional<Exec> exec,
    Optional<TcpSocket> tcpSocket,
    Optional<Integer> initialDelaySeconds,
    Optional<Integer> periodSeconds,
    Optional<Integer> timeoutSeconds,
    Optional<Integer> failureThreshold,
    Optional<Integer> successThreshold) {

  public ProbeSpec {
    httpGet = Values.opt(httpGet);
    exec = Values.opt(exec);
    tcpSocket = Values.opt(tcpSocket);
    initialDelaySeconds = Values.opt(initialDelaySeconds);
    periodSeconds = Values.opt(periodSeconds);
    timeoutSeconds = Values.opt(timeoutSeconds);
    failureThreshold = Values.opt(failureThreshold);
    successThreshold = Values.opt(successThreshold);
  }

  /** The port the probe connects to, if it connects to one. */
  public Optional<Integer> port() {
    return httpGet.map(HttpGet::port).or(() -> tcpSocket.map(TcpSocket::port));
  }

  /** An HTTP GET against the container. */
  public record HttpGet(@Required String path, @Required int port, Optional<String> scheme) {
    public HttpGet {
      scheme = Values.opt(scheme);
    }
  }

  /** A command run inside the container. */
  public record Exec(@Required List<String> command) {
    public Exec {
      command = Values.list(command);
    }
  }

  /** A TCP connect to the container. */
  public record TcpSocket(@Required int port) {}
}
