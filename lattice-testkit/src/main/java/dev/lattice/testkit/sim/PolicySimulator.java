package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates emitted policy documents for a connection, at L4 (Cilium) and L7 (Istio ambient).
 *
 * <p>Read: {@code cilium.io} CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy ({@code spec}
 * and {@code specs}), {@code security.istio.io} AuthorizationPolicy, and v1 Namespace labels.
 * PeerAuthentication decides whether a caller without a peer identity (plaintext) is accepted at
 * all; every other kind is ignored.
 * Immutable and thread-safe once built.
 *
 * <p>Simplified or not modelled (each fails closed where it could matter): only TCP is simulated;
 * named ports never match; L7 rules under Cilium {@code toPorts} do not narrow L4; nodes, groups,
 * services, CIDR groups and {@code fromRequires}/{@code toRequires} are not evaluated; names are
 * not resolved, so an {@link External} name is matched by {@code toFQDNs} only and an address by
 * CIDRs only, and DNS visibility for {@code toFQDNs} is modelled by {@link AmbientDns}; entities {@code host} and
 * {@code kube-apiserver} are only the addresses listed in {@link SimulatorOptions}; only the
 * default policy enforcement mode; Istio waypoints, trust-domain aliases and CUSTOM/AUDIT actions
 * are not modelled.
 */
public final class PolicySimulator {
  private final SimulatorOptions options;
  private final Map<String, Map<String, String>> namespaceLabels;
  private final CiliumLayer cilium;
  private final IstioLayer istio;
  private final AmbientDns dns;

  private PolicySimulator(SimulatorOptions options, Map<String, Map<String, String>> nsLabels,
      List<CiliumPolicy> ciliumPolicies, List<IstioPolicy> istioPolicies, PeerAuthentications mtls, AmbientDns dns) {
    this.options = options;
    this.dns = dns;
    this.namespaceLabels = Map.copyOf(nsLabels);
    this.cilium = new CiliumLayer(ciliumPolicies);
    this.istio = new IstioLayer(istioPolicies, mtls, options);
  }

  /**
   * Builds a simulator over full Kubernetes objects (apiVersion, kind, metadata, spec). Documents
   * of other kinds, and fields the simulator does not know, are ignored.
   */
  public static PolicySimulator of(List<? extends JsonNode> documents, SimulatorOptions options) {
    List<CiliumPolicy> ciliumPolicies = new ArrayList<>();
    List<IstioPolicy> istioPolicies = new ArrayList<>();
    List<JsonNode> peerAuthentications = new ArrayList<>();
    Map<String, Map<String, String>> nsLabels = new HashMap<>();
    for (JsonNode doc : documents) {
      String group = doc.path("apiVersion").asText().split("/", 2)[0];
      String kind = doc.path("kind").asText();
      String id = identity(doc);
      if (group.equals("cilium.io") && (kind.equals("CiliumNetworkPolicy")
          || kind.equals("CiliumClusterwideNetworkPolicy"))) {
        ciliumPolicies.addAll(CiliumPolicy.from(doc, id));
      } else if (group.equals("security.istio.io") && kind.equals("AuthorizationPolicy")) {
        istioPolicies.add(IstioPolicy.from(doc, id));
      } else if (group.equals("security.istio.io") && kind.equals("PeerAuthentication")) {
        peerAuthentications.add(doc);
      } else if (group.equals("v1") && kind.equals("Namespace")) {
        Map<String, String> labels = new HashMap<>();
        doc.path("metadata").path("labels").fields()
            .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        nsLabels.put(doc.path("metadata").path("name").asText(), labels);
      }
    }
    options.namespaceLabels().forEach((ns, labels) ->
        nsLabels.computeIfAbsent(ns, k -> new HashMap<>()).putAll(labels));
    return new PolicySimulator(options, nsLabels, ciliumPolicies, istioPolicies,
        PeerAuthentications.of(peerAuthentications, options.rootNamespace()), AmbientDns.of(documents));
  }

  /** {@code kind/namespace/name}, or {@code kind/name} for a cluster-scoped object. */
  static String identity(JsonNode doc) {
    JsonNode meta = doc.path("metadata");
    String kind = doc.path("kind").asText();
    String name = meta.path("name").asText();
    boolean namespaced = kind.equals("CiliumNetworkPolicy") || kind.equals("AuthorizationPolicy")
        || kind.equals("PeerAuthentication");
    String ns = meta.path("namespace").asText(namespaced ? "default" : "");
    return ns.isEmpty() || kind.equals("CiliumClusterwideNetworkPolicy")
        ? kind + "/" + name : kind + "/" + ns + "/" + name;
  }

  /**
   * Cilium's verdict for {@code from} connecting to {@code to} on {@code port}: allowed iff the
   * egress of {@code from} and the ingress of {@code to} both allow it. When both are ambient and
   * {@link SimulatorOptions#hbone()} is on, port {@value SimulatorOptions#HBONE_PORT} is evaluated
   * instead of {@code port}, since that is what the wire carries. The deciding documents are those
   * that allowed both directions, or those of the side(s) that dropped it.
   */
  public Verdict l4(Workload from, Workload to, int port) {
    boolean tunnelled = options.hbone() && from.hasMeshIdentity() && to.ambient();
    int wirePort = tunnelled ? SimulatorOptions.HBONE_PORT : port;
    String note = (tunnelled
        ? (from.ambient() ? "both ambient" : "Istio gateway to an ambient pod")
            + ": evaluated on HBONE port " + wirePort + " (target port " + port + "); "
        : "")
        + (to.ports().isEmpty() || to.ports().contains(port)
        ? "" : "note: " + to + " declares no container port " + port + "; ");
    return combine(note,
        cilium.decide(peer(from), peer(to), wirePort, false),
        cilium.decide(peer(to), peer(from), wirePort, true));
  }

  /**
   * Cilium's verdict for {@code from} connecting out of the cluster to {@code to}: only the
   * egress of {@code from} is evaluated (the far end runs no Cilium; replies are not subject to
   * ingress). Ambient does not change the port: ztunnel passes external traffic through. A name is
   * matched by {@code toFQDNs} only when Cilium saw {@code from} resolve it ({@link AmbientDns}: an
   * ambient pod needs the DNS-capture opt-out on its pod template among the documents).
   */
  public Verdict l4External(Workload from, External to) {
    boolean learned = dns.seenByCilium(from);
    CiliumLayer.Decision egress =
        cilium.decide(peer(from), Peer.of(to, options, learned), to.port(), false);
    String note = learned || to.isIp() ? "" : AmbientDns.NOTE;
    return egress.allowed()
        ? Verdict.allow(egress.documents(), note + egress.reason())
        : Verdict.deny(egress.documents(), note + egress.reason());
  }

  /**
   * Cilium's verdict for a connection from an address outside the pod network (for example the
   * kubelet's probes, from {@code 169.254.7.127} in ambient) to {@code to} on {@code port}: only
   * the ingress of {@code to} is evaluated; {@code from.port()} is not used.
   */
  public Verdict l4FromExternal(External from, Workload to, int port) {
    CiliumLayer.Decision ingress = cilium.decide(peer(to), Peer.of(from, options), port, true);
    return ingress.allowed()
        ? Verdict.allow(ingress.documents(), ingress.reason())
        : Verdict.deny(ingress.documents(), ingress.reason());
  }

  /**
   * Istio's verdict at the callee's ztunnel for {@code from} calling {@code to} on {@code port}
   * (the target port, not 15008), or at an Istio gateway's Envoy when {@code to} is one. {@link
   * Verdict.Outcome#NOT_APPLICABLE} when {@code to} is neither in the ambient mesh nor a gateway. A caller outside the mesh has no principal, so only rules that need no
   * identity can match it.
   */
  public Verdict l7(Workload from, Workload to, int port) {
    return istio.decide(from, to, port);
  }

  /**
   * Istio's verdict at {@code to}'s ztunnel for a plaintext connection from outside the cluster (a
   * load balancer's client, the API server calling a webhook) on target port {@code port}: the port
   * must take plaintext (PeerAuthentication) and an ALLOW rule must match a caller without identity.
   */
  public Verdict l7FromExternal(External from, Workload to, int port) {
    return istio.decideFromOutside(from, to, port);
  }

  private Peer peer(Workload w) {
    Map<String, String> labels = new HashMap<>(namespaceLabels.getOrDefault(w.namespace(), Map.of()));
    labels.put("kubernetes.io/metadata.name", w.namespace());
    return Peer.of(w, labels, options);
  }

  private static Verdict combine(String note, CiliumLayer.Decision egress,
      CiliumLayer.Decision ingress) {
    String reason = note + "egress: " + egress.reason() + "; ingress: " + ingress.reason();
    if (egress.allowed() && ingress.allowed()) {
      List<String> docs = new ArrayList<>(egress.documents());
      docs.addAll(ingress.documents());
      return Verdict.allow(docs, reason);
    }
    List<String> docs = new ArrayList<>();
    if (!egress.allowed()) {
      docs.addAll(egress.documents());
    }
    if (!ingress.allowed()) {
      docs.addAll(ingress.documents());
    }
    return Verdict.deny(docs, reason);
  }
}
