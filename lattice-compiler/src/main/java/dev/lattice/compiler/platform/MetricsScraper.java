package dev.lattice.compiler.platform;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The scraper of the monitoring add-on: vmagent, run by the VictoriaMetrics operator in the
 * add-on's namespace with pod label {@code app.kubernetes.io/name: vmagent} (VictoriaMetrics/operator
 * {@code VMAgent} selector labels), outside the ambient mesh, scraping in plaintext. A service port
 * named {@code metrics} is opened to it, and only to it, at L4, accepts its plaintext (port-level
 * PERMISSIVE) and is allowed at L7 on that port only.
 */
public final class MetricsScraper {
  /** The port name a service's metrics are scraped on. */
  public static final String PORT_NAME = "metrics";

  private MetricsScraper() {}

  /** The namespace vmagent runs in. */
  public static String namespace() {
    return PlatformNamespaces.ofAddon("victoria-metrics");
  }

  /** vmagent's pod labels the policies select it by. */
  public static SortedMap<String, String> podLabels() {
    return new TreeMap<>(Map.of("app.kubernetes.io/name", "vmagent"));
  }
}
