package dev.lattice.runtime.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The controller's HTTP endpoints on the JDK's built-in server: {@code /healthz} (the process
 * runs), {@code /readyz} (informers synced; 503 before) on the health port, and {@code /metrics}
 * (Prometheus text) on the metrics port.
 */
final class HealthServer implements AutoCloseable {
  private final HttpServer health;
  private final HttpServer metrics;

  HealthServer(int healthPort, int metricsPort, BooleanSupplier ready, PrometheusMeterRegistry registry) throws IOException {
    health = HttpServer.create(new InetSocketAddress(healthPort), 0);
    health.createContext("/healthz", x -> reply(x, 200, "ok\n", "text/plain"));
    health.createContext("/readyz", x -> {
      boolean ok = ready.getAsBoolean();
      reply(x, ok ? 200 : 503, ok ? "ready\n" : "informers not synced\n", "text/plain");
    });
    metrics = HttpServer.create(new InetSocketAddress(metricsPort), 0);
    metrics.createContext("/metrics", x -> reply(x, 200, registry.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    health.start();
    metrics.start();
  }

  private static void reply(HttpExchange x, int code, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    health.stop(0);
    metrics.stop(0);
  }
}
