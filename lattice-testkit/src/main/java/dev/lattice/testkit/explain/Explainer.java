package dev.lattice.testkit.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.document.Document;
import dev.lattice.compiler.plan.Declaration;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.GatewayPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.mesh.Endpoint;
import dev.lattice.testkit.sim.External;
import dev.lattice.testkit.sim.PolicySimulator;
import dev.lattice.testkit.sim.SimulatorOptions;
import dev.lattice.testkit.sim.Verdict;
import dev.lattice.testkit.sim.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers "may A reach B?" for a compilation: the policy simulator evaluates the emitted documents
 * at both layers (so the answer is what the cluster would do, not what the compiler meant), and
 * the plan's declarations say which halves of the agreement exist and which is missing.
 */
public final class Explainer {
  /** The sources outside the mesh {@link #explainFromOutside} knows, as Cilium names them. */
  public static final List<String> OUTSIDE_SOURCES = List.of("world", "kube-apiserver", "remote-node");
  /** The {@code --from} that names the ingress gateway of the callee's namespace. */
  public static final String GATEWAY_SOURCE = "gateway";
  private static final External WORLD = External.ip("203.0.113.1", 0); // TEST-NET-3, RFC 5737
  private static final External API_SERVER = External.host("kubernetes.default", 0);
  private static final External REMOTE_NODE = External.host("remote-node.invalid", 0);

  private final FleetPlan plan;
  private final PolicySimulator simulator;

  public Explainer(Compilation compilation, String trustDomain) {
    this.plan = compilation.plan().orElseThrow(() -> new IllegalArgumentException("the compilation has no plan"));
    List<JsonNode> bodies = compilation.documents().stream().map(Document::json).map(JsonNode.class::cast).toList();
    this.simulator = PolicySimulator.of(bodies, SimulatorOptions.defaults().withTrustDomain(trustDomain)
        .withRemoteNodeAddresses(java.util.Set.of(REMOTE_NODE.address())));
  }

  /**
   * Explains plaintext traffic from outside the mesh — {@code world} (a load balancer's or node
   * port's clients), {@code kube-apiserver} (a webhook's caller) or {@code remote-node} (either,
   * after a node forwards it) — to a member: Cilium's ingress of the callee and, in the ambient
   * mesh, whether its ztunnel accepts plaintext there and an ALLOW rule lets it in.
   */
  public Explanation explainFromOutside(String source, ObjectRef to, Optional<Integer> port) {
    External from = outside(source);
    MemberPlan callee = plan.member(to).orElseThrow(() -> new IllegalArgumentException(to + " is not a service or mesh member"));
    List<String> reasons = new ArrayList<>();
    if (callee.openings().isEmpty()) {
      reasons.add(to + " declares no way in from outside the mesh (serviceType LoadBalancer or NodePort, a Permissive or "
          + "Webhook port)");
    }
    callee.openings().forEach(o -> reasons.add(to + " opens port " + o.targetPort() + "/" + o.protocol() + " ("
        + o.way().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ") to " + String.join(", ", o.way().entities())));
    return byPort(source, callee, port, reasons, p -> simulator.l4FromExternal(from, workload(callee), p),
        p -> simulator.l7FromExternal(from, workload(callee), p));
  }

  /**
   * The ingress gateway {@code source} names: {@code gateway} is the gateway of {@code namespace},
   * else {@code <gw>} or {@code <namespace>/<gw>} names one by its Gateway's name.
   */
  public Optional<GatewayPlan> gateway(String source, String namespace) {
    if (source.equals(GATEWAY_SOURCE)) {
      return plan.gateway(namespace);
    }
    return plan.gateways().values().stream()
        .filter(g -> source.equals(g.name()) || source.equals(g.namespace() + "/" + g.name())).findFirst();
  }

  /**
   * Explains traffic from a namespace's ingress gateway to a member: Cilium (HBONE to an ambient
   * member) and the member's ztunnel, which admits the gateway's principal on the routed ports only.
   */
  public Explanation explainFromGateway(GatewayPlan gateway, ObjectRef to, Optional<Integer> port) {
    MemberPlan callee = plan.member(to).orElseThrow(() -> new IllegalArgumentException(to + " is not a service or mesh member"));
    List<String> reasons = new ArrayList<>();
    List<GatewayPlan.Attachment> routes = gateway.routesTo(callee);
    if (routes.isEmpty()) {
      reasons.add(to + " declares no ingress route through " + gateway.namespace() + "/" + gateway.name());
    }
    routes.forEach(a -> reasons.add("route " + a.route().name() + " (" + a.route().kind().wire() + ", listeners "
        + String.join(", ", a.listeners()) + ") sends to " + to + " port " + a.route().port().name() + " (target port "
        + a.route().port().targetPort() + ")"));
    Workload from = gatewayWorkload(gateway);
    return byPort(gateway.namespace() + "/" + gateway.name(), callee, port, reasons,
        p -> simulator.l4(from, workload(callee), p), p -> simulator.l7(from, workload(callee), p));
  }

  /**
   * Explains plaintext from outside the mesh ({@link #OUTSIDE_SOURCES}) to an ingress gateway's pods
   * on its listener ports (all of them without {@code port}): Cilium's ingress of the gateway and the
   * gateway's own authorization.
   */
  public Explanation explainOutsideToGateway(String source, GatewayPlan gateway, Optional<Integer> port) {
    External from = outside(source);
    List<String> reasons = new ArrayList<>();
    gateway.listeners().forEach(l -> reasons.add("listener " + l.name() + ": " + l.protocol() + " on port " + l.port()
        + l.hostname().map(h -> " for " + h).orElse("")));
    Workload to = gatewayWorkload(gateway);
    List<Integer> ports = port.map(List::of).orElse(gateway.listenerPorts());
    boolean l4 = false;
    boolean l7 = false;
    TreeSet<String> l4Docs = new TreeSet<>();
    TreeSet<String> l7Docs = new TreeSet<>();
    for (int p : ports) {
      Verdict v4 = simulator.l4FromExternal(from, to, p);
      Verdict v7 = simulator.l7FromExternal(from, to, p);
      l4 |= v4.allowed();
      l7 |= v7.allowed();
      l4Docs.addAll(v4.documents());
      l7Docs.addAll(v7.documents());
      reasons.add("L4 port " + p + ": " + v4.reason());
      reasons.add("L7 port " + p + ": " + v7.reason());
    }
    return new Explanation(source, gateway.namespace() + "/" + gateway.name(), port,
        new Explanation.Layer(l4, List.copyOf(l4Docs)), Optional.of(new Explanation.Layer(l7, List.copyOf(l7Docs))), reasons);
  }

  /** A pod of {@code gateway} as Istio's automated deployment runs it. */
  public static Workload gatewayWorkload(GatewayPlan gateway) {
    return Workload.istioGateway(gateway.namespace(), gateway.name(),
        gateway.listenerPorts().stream().mapToInt(Integer::intValue).toArray());
  }

  private static External outside(String source) {
    return switch (source) {
      case "world" -> WORLD;
      case "kube-apiserver" -> API_SERVER;
      case "remote-node" -> REMOTE_NODE;
      default -> throw new IllegalArgumentException("unknown source outside the mesh: " + source + " (" + OUTSIDE_SOURCES + ")");
    };
  }

  public FleetPlan plan() {
    return plan;
  }

  /** The Kthena components {@link #explainFromKthena} knows: the router and the controller manager (the autoscaler). */
  public static final List<String> KTHENA_SOURCES = List.of(dev.lattice.compiler.platform.Kthena.ROUTER,
      dev.lattice.compiler.platform.Kthena.CONTROLLER);

  /**
   * Explains traffic from a Kthena component ({@code kthena-router}, {@code
   * kthena-controller-manager}: its pod in Kthena's namespace, in the ambient mesh, with its
   * ServiceAccount) to a member: a model's pods admit the router on the routing port and the
   * autoscaler on the autoscaled roles' metric ports; nothing else does.
   */
  public Explanation explainFromKthena(String component, ObjectRef to, Optional<Integer> port) {
    if (!KTHENA_SOURCES.contains(component)) {
      throw new IllegalArgumentException("unknown Kthena component: " + component + " (" + KTHENA_SOURCES + ")");
    }
    MemberPlan callee = plan.member(to).orElseThrow(() -> new IllegalArgumentException(to + " is not a service or mesh member"));
    Workload from = new Workload(dev.lattice.compiler.platform.Kthena.NAMESPACE, component,
        dev.lattice.compiler.platform.Kthena.podLabels(component), component, true, List.of());
    List<String> reasons = new ArrayList<>();
    plan.modelOf(to).ifPresentOrElse(m -> reasons.add(to + " serves model " + m.ref() + ": it admits "
        + (component.equals(dev.lattice.compiler.platform.Kthena.ROUTER) ? "the Kthena router on port " + m.model().spec().routing().port()
            : "the Kthena autoscaler on its autoscaled roles' metric ports")
        + " (model-kthena-" + m.ref().name() + ", allow-kthena-" + m.ref().name() + ")"),
        () -> reasons.add(to + " is not a role of a LatticeModel: Kthena has no way in"));
    return byPort(dev.lattice.compiler.platform.Kthena.NAMESPACE + "/" + component, callee, port, reasons,
        p -> simulator.l4(from, workload(callee), p), p -> simulator.l7(from, workload(callee), p));
  }

  /** Explains a member-to-member or member-to-external connection. */
  public Explanation explain(ObjectRef from, ObjectRef to, Optional<Integer> port) {
    MemberPlan caller = plan.member(from).orElseThrow(() -> new IllegalArgumentException(from + " is not a service or mesh member"));
    List<String> reasons = new ArrayList<>(declarationReasons(from, to));
    reasons.addAll(gateReasons(from, to));
    ExternalPlan external = plan.externals().get(to);
    if (external != null) {
      return external(caller, external, port, reasons);
    }
    MemberPlan callee = plan.member(to).orElseThrow(() -> new IllegalArgumentException(to + " is not a service, mesh member or external service"));
    List<Integer> ports = port.map(List::of).orElse(callee.targetPorts());
    if (port.isPresent() && !callee.targetPorts().contains(port.get())) {
      reasons.add(to + " serves no port " + port.get() + " (its ports: " + callee.targetPorts() + ")");
    }
    return byPort(from.toString(), callee, port, reasons, p -> simulator.l4(workload(caller), workload(callee), p),
        p -> simulator.l7(workload(caller), workload(callee), p));
  }

  /** Both layers' verdicts on each port asked about (all of the callee's when none is), with the reasons. */
  private Explanation byPort(String from, MemberPlan callee, Optional<Integer> port, List<String> reasons,
      java.util.function.IntFunction<Verdict> l4Of, java.util.function.IntFunction<Verdict> l7Of) {
    List<Integer> ports = port.map(List::of).orElse(callee.targetPorts());
    boolean l4 = false;
    boolean l7Applies = false;
    boolean l7 = false;
    TreeSet<String> l4Docs = new TreeSet<>();
    TreeSet<String> l7Docs = new TreeSet<>();
    for (int p : ports) {
      Verdict v4 = l4Of.apply(p);
      Verdict v7 = l7Of.apply(p);
      l4 |= v4.allowed();
      l4Docs.addAll(v4.documents());
      reasons.add("L4 port " + p + ": " + v4.reason());
      if (v7.applies()) {
        l7Applies = true;
        l7 |= v7.allowed();
        l7Docs.addAll(v7.documents());
        reasons.add("L7 port " + p + ": " + v7.reason());
      }
    }
    if (ports.isEmpty()) {
      reasons.add(callee.ref() + " serves no ports");
    }
    Optional<Explanation.Layer> l7Layer = l7Applies ? Optional.of(new Explanation.Layer(l7, List.copyOf(l7Docs))) : Optional.empty();
    return new Explanation(from, callee.ref().toString(), port, new Explanation.Layer(l4, List.copyOf(l4Docs)), l7Layer, reasons);
  }

  private Explanation external(MemberPlan caller, ExternalPlan external, Optional<Integer> port, List<String> reasons) {
    boolean l4 = false;
    TreeSet<String> docs = new TreeSet<>();
    for (Endpoint e : external.endpoints().values()) {
      if (port.isPresent() && e.port() != port.get()) {
        continue;
      }
      External target = e.isAddress() ? External.ip(e.host().replaceAll("/.*", ""), e.port()) : External.host(e.host(), e.port());
      Verdict v = simulator.l4External(workload(caller), target);
      l4 |= v.allowed();
      docs.addAll(v.documents());
      reasons.add("L4 " + e.host() + ":" + e.port() + ": " + v.reason());
    }
    return new Explanation(caller.ref().toString(), external.ref().toString(), port,
        new Explanation.Layer(l4, List.copyOf(docs)), Optional.empty(), reasons);
  }

  /**
   * The authorization decisions that bear on the pair: every denial of either side (a denied
   * service is not derived at all), and the wildcard and external-endpoint permits that opened it.
   */
  private List<String> gateReasons(ObjectRef from, ObjectRef to) {
    ExternalPlan external = plan.externals().get(to);
    List<String> out = new ArrayList<>();
    for (var g : plan.gates()) {
      boolean party = g.owner().equals(from) || g.owner().equals(to);
      boolean relevant = !g.allowed()
          || g.action().endsWith("\"AllowWildcard\"")
          || (external != null && g.action().endsWith("\"AccessExternalEndpoint\"")
              && external.endpoints().values().stream().anyMatch(e -> g.resource().contains("\"" + e.host() + ":")));
      if (party && relevant) {
        out.add("gate " + g.describe());
      }
    }
    return out;
  }

  /** The declarations that exist between the two, and the half that is missing. */
  private List<String> declarationReasons(ObjectRef from, ObjectRef to) {
    List<String> out = new ArrayList<>();
    var job = plan.jobOf(from).filter(j -> plan.jobOf(to).map(k -> k.ref().equals(j.ref())).orElse(false));
    if (job.isPresent()) {
      out.add("both are tasks of job " + job.get().ref() + ": its pods reach each other "
          + (job.get().training() ? "on every port (distributed training)" : "on its tasks' ports")
          + " without an agreement (job-peers-" + job.get().ref().name() + ", allow-peers-" + job.get().ref().name() + ")");
      return out;
    }
    var model = plan.modelOf(from).filter(m -> plan.modelOf(to).map(k -> k.ref().equals(m.ref())).orElse(false));
    model.filter(m -> m.peers()).ifPresent(m -> out.add("both serve model " + m.ref()
        + ": its pods reach each other " + (m.peersOnEveryPort() ? "on every port (workers, or a NIXL KV connector)"
            : "on the KV connector's port " + m.kvPort().orElse(0)) + " without an agreement (model-peers-" + m.ref().name() + ", allow-peers-" + m.ref().name() + ")"));
    boolean calls = false;
    boolean accepts = false;
    for (Declaration d : plan.declarations()) {
      if (d.declarer().equals(from) && d.peer().equals(to) && d.role() == Declaration.Role.CALLS) {
        calls = true;
        out.add(d.describe());
      } else if (d.declarer().equals(to) && d.role() == Declaration.Role.ACCEPTS && (d.peer().equals(from) || d.isWildcard())) {
        accepts = true;
        out.add(d.describe());
      }
    }
    ExternalPlan external = plan.externals().get(to);
    boolean inline = external != null && external.inlineOwner().isPresent();
    if (!calls) {
      out.add("missing: " + from + " does not declare " + to + " outbound");
    }
    if (!accepts && !inline) {
      out.add("missing: " + to + (external != null ? " does not list " + from + " in allowedRequesters" : " does not declare " + from + " inbound"));
    }
    if (inline) {
      out.add(to + " is an inline external-service resource of " + from + ": one-sided by nature");
    }
    return out;
  }

  /**
   * A member's pod as the policies see it; a job's task's pods also carry the job's label, a
   * model's role's pods the model's (and its entry pods the entry label), as their templates give them.
   */
  private Workload workload(MemberPlan m) {
    java.util.Map<String, String> labels = new java.util.TreeMap<>(m.selector());
    plan.jobOf(m.ref()).ifPresent(job -> labels.put(dev.lattice.document.Json.JOB_LABEL, job.ref().name()));
    plan.modelOf(m.ref()).ifPresent(model -> {
      labels.put(dev.lattice.document.Json.MODEL_LABEL, model.ref().name());
      if (model.roles().stream().anyMatch(r -> r.entry().equals(m.ref()))) {
        labels.put(dev.lattice.document.Json.MODEL_ENTRY_LABEL, model.ref().name());
      }
    });
    return new Workload(m.ref().namespace(), m.ref().name(), labels, m.serviceAccount(), m.ambient(), m.targetPorts());
  }
}
