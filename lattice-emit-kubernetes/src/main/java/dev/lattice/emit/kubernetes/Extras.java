package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.PortPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.service.AutoscalingSpec;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.model.service.LatticeServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional companions of a Deployment: PDB (selecting on {@link Json#SERVICE_LABEL}, so a
 * canary's primary keeps it), KEDA ScaledObject, Flagger Canary ({@link CanaryDocument}),
 * VMServiceScrape or VMPodScrape.
 */
final class Extras {
  private Extras() {}

  /** Whether a KEDA ScaledObject scales the service (autoscaling max above replicas). */
  static boolean autoscaled(LatticeServiceSpec spec) {
    return spec.autoscaling().filter(a -> a.max() > spec.replicas()).isPresent();
  }

  /** The extras of {@code w}; a job's task (whose pods run to completion) gets no disruption budget. */
  static List<Document> of(WorkloadPlan w, boolean task, EmitContext context) {
    List<Document> out = new ArrayList<>();
    LatticeServiceSpec spec = w.service().spec();
    String ns = w.ref().namespace();
    String name = w.ref().name();
    Map<String, String> labels = Map.of(Json.NAME_LABEL, name);
    if (spec.replicas() >= 2 && !task) {
      out.add(Json.document("policy/v1", "PodDisruptionBudget", Optional.of(ns), name, labels, body -> {
        ObjectNode s = body.putObject("spec");
        s.put("maxUnavailable", 1);
        s.putObject("selector").set("matchLabels", Json.sortedMap(w.member().selector()));
      }));
    }
    spec.autoscaling().filter(a -> a.max() > spec.replicas()).ifPresent(a ->
        out.add(Json.document("keda.sh/v1alpha1", "ScaledObject", Optional.of(ns), name, labels, body -> {
          ObjectNode s = body.putObject("spec");
          s.put("maxReplicaCount", a.max());
          s.put("minReplicaCount", spec.replicas());
          s.putObject("scaleTargetRef").put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", name);
          var triggers = s.putArray("triggers");
          List<AutoscalingSpec.Metric> metrics = a.metrics().isEmpty() ? List.of(new AutoscalingSpec.Metric("cpu", 80)) : a.metrics();
          metrics.forEach(m -> triggers.add(trigger(m, ns, name)));
        })));
    if (CanaryDocument.isCanary(w)) {
      CanaryDocument.of(w, autoscaled(spec), context).ifPresent(out::add);
    }
    w.member().ports().stream().filter(p -> p.name().equals("metrics")).findFirst().ifPresent((PortPlan p) ->
        out.add(scrape(w, labels)));
    return out;
  }

  /**
   * The scrape of a port named {@code metrics}: a VMServiceScrape of the service's Service, or for
   * a canary, whose Services Flagger owns, a VMPodScrape of its pods on {@link Json#SERVICE_LABEL}
   * (primary and canary pods alike).
   */
  private static Document scrape(WorkloadPlan w, Map<String, String> labels) {
    String ns = w.ref().namespace();
    String name = w.ref().name();
    if (CanaryDocument.isCanary(w)) {
      return Json.document("operator.victoriametrics.com/v1beta1", "VMPodScrape", Optional.of(ns), name, labels, body -> {
        ObjectNode s = body.putObject("spec");
        s.putArray("podMetricsEndpoints").addObject().put("path", "/metrics").put("port", "metrics");
        s.putObject("selector").set("matchLabels", Json.sortedMap(w.member().selector()));
      });
    }
    return Json.document("operator.victoriametrics.com/v1beta1", "VMServiceScrape", Optional.of(ns), name, labels, body -> {
      ObjectNode s = body.putObject("spec");
      s.putArray("endpoints").addObject().put("path", "/metrics").put("port", "metrics");
      s.putObject("selector").set("matchLabels", Json.sortedMap(labels));
    });
  }

  /**
   * cpu/memory utilisation (served by metrics-server, which the monitoring add-on installs with
   * KEDA), or a Prometheus query on the service's pods for a custom metric. KEDA's prometheus
   * trigger defaults to {@code metricType: AverageValue}, for which the HPA divides the query's
   * value by the replica count (https://keda.sh/docs/2.17/reference/scaledobject-spec/#triggers,
   * https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#algorithm-details):
   * so the query is the {@code sum} over the pods and {@code threshold} is the per-pod target; an
   * {@code avg} would be divided once more. The server is VMSingle's Service {@code
   * vmsingle-lattice} (the add-on's {@code fullnameOverride: lattice}).
   */
  private static ObjectNode trigger(AutoscalingSpec.Metric m, String ns, String name) {
    ObjectNode t = Json.object();
    String target = formatNumber(m.target());
    if (m.metric().equals("cpu") || m.metric().equals("memory")) {
      t.putObject("metadata").put("value", target);
      t.put("metricType", "Utilization");
      t.put("type", m.metric());
    } else {
      ObjectNode md = t.putObject("metadata");
      md.put("query", "sum(" + m.metric() + "{namespace=\"" + ns + "\",pod=~\"" + name + "-.*\"})");
      md.put("serverAddress", "http://vmsingle-lattice.monitoring.svc:8429");
      md.put("threshold", target);
      t.put("metricType", "AverageValue");
      t.put("type", "prometheus");
    }
    return t;
  }

  private static String formatNumber(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
