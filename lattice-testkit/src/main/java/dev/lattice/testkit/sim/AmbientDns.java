package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whose DNS lookups Cilium's DNS proxy sees, which is what lets a {@code toFQDNs} rule learn an
 * external name's addresses.
 *
 * <p>In the Istio ambient mesh ztunnel captures a pod's DNS and answers it itself (on by default
 * since Istio 1.25; istio.io "DNS Proxying"), so the lookup never reaches Cilium's proxy and a
 * {@code toFQDNs} rule selects nothing for that pod. A pod opts out with the annotation {@code
 * ambient.istio.io/dns-capture: "false"} (those docs) or {@code ambient.istio.io/bypass-dns-capture}
 * (istio/api release note 3361). Pods outside the mesh resolve through kube-dns as usual.
 *
 * <p>Pod annotations are read from the pod templates of the documents given to the simulator
 * (apps/v1 workloads, batch Job and CronJob, Volcano Job tasks); an ambient workload that no
 * template with an opt-out selects is taken as captured, which fails closed.
 */
final class AmbientDns {
  static final String DNS_CAPTURE = "ambient.istio.io/dns-capture";
  static final String BYPASS = "ambient.istio.io/bypass-dns-capture";
  static final String NOTE = "ambient DNS capture: ztunnel answers this pod's lookups, so Cilium's DNS proxy"
      + " learns no address for toFQDNs (opt out: " + DNS_CAPTURE + ": \"false\"); ";

  private record Template(String namespace, Map<String, String> labels, Map<String, String> annotations) {}

  private final List<Template> templates;

  private AmbientDns(List<Template> templates) {
    this.templates = List.copyOf(templates);
  }

  static AmbientDns of(List<? extends JsonNode> documents) {
    List<Template> out = new ArrayList<>();
    for (JsonNode doc : documents) {
      String ns = doc.path("metadata").path("namespace").asText("default");
      JsonNode spec = doc.path("spec");
      add(out, ns, spec.path("template"));
      add(out, ns, spec.path("jobTemplate").path("spec").path("template"));
      for (JsonNode task : spec.path("tasks")) {
        add(out, ns, task.path("template"));
      }
    }
    return new AmbientDns(out);
  }

  private static void add(List<Template> out, String namespace, JsonNode template) {
    JsonNode meta = template.path("metadata");
    if (!template.path("spec").isObject() || !meta.path("labels").isObject()) {
      return;
    }
    out.add(new Template(namespace, strings(meta.path("labels")), strings(meta.path("annotations"))));
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> m = new HashMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  /**
   * Whether Cilium sees the DNS lookups of {@code w}'s pods: a pod template in its namespace whose labels
   * and {@code w}'s agree (one set holds the other: a workload may be described by its selector only)
   * opts out of the capture.
   */
  boolean seenByCilium(Workload w) {
    if (!w.ambient()) {
      return true;
    }
    return templates.stream()
        .filter(t -> t.namespace().equals(w.namespace()) && !t.labels().isEmpty() && !w.labels().isEmpty()
            && (w.labels().entrySet().containsAll(t.labels().entrySet())
                || t.labels().entrySet().containsAll(w.labels().entrySet())))
        .anyMatch(t -> "false".equals(t.annotations().get(DNS_CAPTURE))
            || (t.annotations().containsKey(BYPASS) && !"false".equals(t.annotations().get(BYPASS))));
  }
}
