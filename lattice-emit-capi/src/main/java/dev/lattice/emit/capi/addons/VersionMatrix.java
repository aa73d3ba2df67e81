package dev.lattice.emit.capi.addons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pinned Helm charts of every add-on and the platform versions (Talos), read once from {@code versions.yaml} on the classpath (the
 * one file that names chart versions). A missing or malformed file is a build defect, so it throws.
 */
public final class VersionMatrix {
  static final String RESOURCE = "versions.yaml";
  private static final VersionMatrix INSTANCE = load();

  private final Map<String, Chart> charts;
  private final String talos;
  private final String gatewayApi;

  private VersionMatrix(Map<String, Chart> charts, String talos, String gatewayApi) {
    this.charts = Collections.unmodifiableMap(charts);
    this.talos = talos;
    this.gatewayApi = gatewayApi;
  }

  /** The matrix of this build. */
  public static VersionMatrix get() {
    return INSTANCE;
  }

  /** The chart of an add-on id ({@code cilium}, {@code istiod}, ...). */
  Chart chart(String id) {
    Chart c = charts.get(id);
    if (c == null) {
      throw new IllegalStateException("add-on " + id + " is not pinned in " + RESOURCE);
    }
    return c;
  }

  /** The Talos release ({@code v1.10.5}) of clusters bootstrapped with Talos. */
  public String talosVersion() {
    return talos;
  }

  /** The Gateway API release ({@code v1.6.0}) whose standard-channel CRDs clusters with services get. */
  public String gatewayApiVersion() {
    return gatewayApi;
  }

  /** Every pinned chart by id, sorted. */
  Map<String, Chart> charts() {
    return charts;
  }

  private static VersionMatrix load() {
    try (InputStream in = VersionMatrix.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath beside " + VersionMatrix.class.getName());
      }
      JsonNode root = new YAMLMapper().readTree(in);
      Map<String, Chart> charts = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = root.path("charts").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode c = e.getValue();
        charts.put(e.getKey(), new Chart(e.getKey(), text(c, "repository"), text(c, "url"), text(c, "chart"), text(c, "version")));
      }
      return new VersionMatrix(charts, text(root.path("platform"), "talos"), text(root.path("platform"), "gateway-api"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw new IllegalStateException(RESOURCE + ": " + field + " missing in " + node);
    }
    return v.asText();
  }

  /**
   * One pinned chart.
   *
   * @param id the add-on id, also the Helm release name
   * @param repository the {@code HelmRepository} name
   * @param url the repository URL ({@code https://} index or {@code oci://})
   * @param chart the chart name in the repository
   * @param version the exact chart version
   */
  record Chart(String id, String repository, String url, String chart, String version) {
    boolean oci() {
      return url.startsWith("oci://");
    }
  }
}
