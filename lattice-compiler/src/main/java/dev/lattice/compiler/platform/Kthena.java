package dev.lattice.compiler.platform;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Kthena, the model-serving system a {@code LatticeModel} runs on, as its Helm chart installs it
 * (volcano-sh/kthena {@code charts/kthena}): in {@code kthena-system}, the router (Deployment and
 * ServiceAccount {@code kthena-router}, pod label {@code app.kubernetes.io/component:
 * kthena-router}; charts/networking/templates/kthena-router) proxies each request to a model's pods
 * on the ModelServer's {@code workloadPort}; the controller manager (ServiceAccount {@code
 * kthena-controller-manager}, the same label with its name; charts/workload/templates) runs the
 * autoscaler, which scrapes the pods' metrics. The policies of a model admit these two identities,
 * and the namespace is left to its own policies like the platform's others.
 */
public final class Kthena {
  /** The namespace the chart is installed into (its documentation's {@code kthena-system}). */
  public static final String NAMESPACE = "kthena-system";
  /** The router's ServiceAccount. */
  public static final String ROUTER = "kthena-router";
  /** The controller manager's ServiceAccount (the autoscaler runs in it). */
  public static final String CONTROLLER = "kthena-controller-manager";
  /**
   * The downloader's interpreter, as exec sees it: the image is built {@code FROM python:3.12-slim}
   * with {@code ENTRYPOINT ["python", "kthena/downloader/app.py"]} (python/Dockerfile), and {@code
   * python} there is a symlink to this binary, which the Tetragon hook sees resolved.
   */
  public static final String DOWNLOADER_BINARY = "/usr/local/bin/python3.12";
  /** The downloader's script, relative to the image's {@code WORKDIR /app}. */
  public static final String DOWNLOADER_SCRIPT = "kthena/downloader/app.py";

  private Kthena() {}

  /** The pod labels of a Kthena component ({@link #ROUTER} or {@link #CONTROLLER}). */
  public static SortedMap<String, String> podLabels(String component) {
    return new TreeMap<>(Map.of("app.kubernetes.io/component", component));
  }
}
