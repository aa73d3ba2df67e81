package dev.lattice.testkit.fleet;

import dev.lattice.testkit.fleet.Fleet.Edge;
import dev.lattice.testkit.fleet.Fleet.GeneratedExternal;
import dev.lattice.testkit.fleet.Fleet.GeneratedWorkload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates seeded fleets of LatticeServices, LatticeMeshMembers and LatticeExternalServices in all
 * three accepted input forms, with cross-namespace references in both spellings, one-sided
 * declarations, {@code both}, and external services open to {@code "*"} or to a list. The same seed
 * always gives the same fleet. The intended agreements come back as ground truth.
 */
public final class FleetGenerator {
  /**
   * The platform policy of every generated fleet: it permits what generated services ask for
   * (images by tag, their external endpoints, their secrets, NET_ADMIN). Tests that remove it see
   * every gate deny.
   */
  static final String POLICY = """
      apiVersion: lattice.dev/v1alpha1
      kind: CedarPolicy
      metadata: {name: generated-fleet, namespace: lattice-system}
      spec:
        description: Generated fleets deploy images by tag and call their external services.
        policies: |
          permit(principal, action == Lattice::Action::"SkipImageVerification", resource);
          permit(principal, action == Lattice::Action::"AccessExternalEndpoint", resource);
          permit(principal, action == Lattice::Action::"AllowWildcard", resource == Lattice::Mesh::"inbound");
          permit(principal, action == Lattice::Action::"OverrideSecurity", resource == Lattice::SecurityOverride::"capability:NET_ADMIN");
          permit(principal, action == Lattice::Action::"AccessSecret", resource);
      """;

  private final SplittableRandom random;
  private final FleetShape shape;
  private final long seed;

  private FleetGenerator(long seed, FleetShape shape) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.shape = shape;
  }

  public static Fleet generate(long seed, FleetShape shape) {
    return new FleetGenerator(seed, shape).build();
  }

  private Fleet build() {
    List<GenWorkload> workloads = new ArrayList<>();
    for (int i = 0; i < shape.services(); i++) {
      workloads.add(GenWorkload.service("ns-" + (i % shape.namespaces()), "svc-" + i, ports(), Form.values()[random.nextInt(3)]));
    }
    if (shape.exposedRatio() > 0) { // drawn only when asked for, so other shapes keep their fleets
      for (GenWorkload w : workloads) {
        if (random.nextDouble() < shape.exposedRatio()) {
          w.serviceType = random.nextBoolean() ? "LoadBalancer" : "NodePort";
        }
      }
    }
    if (shape.ingressRatio() > 0) { // drawn only when asked for, so other shapes keep their fleets
      ingress(workloads);
    }
    int members = (int) Math.round(shape.services() * shape.meshMemberRatio());
    for (int j = 0; j < members; j++) {
      String name = "mm-" + j;
      GenWorkload member = GenWorkload.meshMember(namespace(), name, random.nextBoolean() ? name : name + "-sa",
          random.nextInt(4) != 0, ports());
      if (shape.exposedRatio() > 0) {
        for (GenPort p : member.ports) {
          if (random.nextDouble() < shape.exposedRatio()) {
            member.peerAuth.put(p.name(), random.nextBoolean() ? "Permissive" : "Webhook");
          }
        }
      }
      workloads.add(member);
    }
    Set<Edge> agreed = new TreeSet<>(java.util.Comparator.comparing(Edge::from).thenComparing(Edge::to));
    for (GenWorkload a : workloads) {
      int n = a.isService() ? shape.outboundPerService() : random.nextInt(2);
      for (int k = 0; k < n && workloads.size() > 1; k++) {
        GenWorkload b = workloads.get(random.nextInt(workloads.size()));
        if (b == a || a.calls.contains(b.address())) {
          continue;
        }
        boolean oneSided = random.nextDouble() < shape.oneSidedRatio();
        boolean callerHalf = !oneSided || random.nextBoolean();
        boolean calleeHalf = !oneSided || !callerHalf;
        if (callerHalf) {
          a.calls.add(b.address());
        }
        if (calleeHalf) {
          b.accepts.add(a.address());
        }
      }
    }
    Map<String, GenWorkload> byAddress = new TreeMap<>();
    workloads.forEach(w -> byAddress.put(w.address(), w));
    for (GenWorkload a : workloads) {
      for (String b : a.calls) {
        GenWorkload callee = byAddress.get(b);
        if (callee.accepts.contains(a.address())) {
          agreed.add(new Edge(a.address(), b));
        }
      }
    }
    List<GenExternal> externals = externals(workloads);
    Set<Edge> externalEdges = new TreeSet<>(java.util.Comparator.comparing(Edge::from).thenComparing(Edge::to));
    for (GenExternal e : externals) {
      for (String caller : e.callers) {
        if (e.wildcard || e.requesters.contains(caller)) {
          externalEdges.add(new Edge(caller, e.address()));
        }
      }
    }
    Map<String, Set<Integer>> gatewayPorts = new TreeMap<>();
    workloads.forEach(w -> w.routes.forEach(r -> gatewayPorts.computeIfAbsent(w.namespace, k -> new TreeSet<>())
        .add(r.listenerPort())));
    return new Fleet(seed, render(workloads, externals), truth(workloads), agreed, externalEdges,
        externals.stream().map(e -> new GeneratedExternal(e.namespace, e.name, e.host(), 443)).toList(), gatewayPorts);
  }

  private List<GenExternal> externals(List<GenWorkload> workloads) {
    List<GenExternal> out = new ArrayList<>();
    int count = (int) Math.ceil(shape.services() * shape.externalRatio());
    List<GenWorkload> services = workloads.stream().filter(GenWorkload::isService).toList();
    for (int j = 0; j < count && !services.isEmpty(); j++) {
      GenExternal e = new GenExternal(namespace(), "ext-" + j, random.nextInt(4) == 0);
      int callers = 1 + random.nextInt(3);
      for (int k = 0; k < callers; k++) {
        GenWorkload caller = services.get(random.nextInt(services.size()));
        if (e.callers.add(caller.address())) {
          caller.externalCalls.add(e.address());
          if (random.nextInt(4) != 0) {
            e.requesters.add(caller.address());
          }
        }
      }
      if (random.nextInt(3) == 0) { // a requester that never calls: harmless
        e.requesters.add(services.get(random.nextInt(services.size())).address());
      }
      out.add(e);
    }
    return out;
  }

  private Map<String, String> render(List<GenWorkload> workloads, List<GenExternal> externals) {
    Map<String, String> files = new LinkedHashMap<>();
    FleetRenderer renderer = new FleetRenderer(random, shape);
    List<String> pending = new ArrayList<>();
    for (GenWorkload w : workloads) {
      pending.add(renderer.workload(w));
      flush(files, pending, w.namespace + "/" + w.name);
    }
    for (GenExternal e : externals) {
      pending.add(renderer.external(e));
      flush(files, pending, e.namespace + "/" + e.name);
    }
    if (!pending.isEmpty()) {
      files.put("fleet/rest.yaml", String.join("---\n", pending));
    }
    files.put("fleet/policies.yaml", POLICY);
    return files;
  }

  /** Writes pending documents into one file now and then, so files hold one or several documents. */
  private void flush(Map<String, String> files, List<String> pending, String name) {
    if (random.nextInt(3) != 0) {
      files.put("fleet/" + name + ".yaml", String.join("---\n", pending));
      pending.clear();
    }
  }

  private static List<GeneratedWorkload> truth(List<GenWorkload> workloads) {
    return workloads.stream().map(w -> new GeneratedWorkload(w.namespace, w.name, w.labels(), w.serviceAccount,
        w.ambient, w.ports.stream().map(p -> p.targetPort).distinct().sorted().toList(), w.openings(),
        w.routes.stream().map(r -> r.port().targetPort()).distinct().sorted().toList())).toList();
  }

  /**
   * Gives some canonical services that are not exposed otherwise one or two routes of a random kind
   * to a random port, each on its own host ({@code <service>-<route>.example.com}); a TCP route takes
   * its Service port as listener port, so one whose port another TCP route of the namespace holds
   * becomes an HTTPRoute (the shared Gateway could not hold both: LAT1034).
   */
  private void ingress(List<GenWorkload> workloads) {
    Map<String, Set<Integer>> tcpPorts = new TreeMap<>();
    for (GenWorkload w : workloads) {
      if (w.form != Form.CANONICAL || w.serviceType != null || random.nextDouble() >= shape.ingressRatio()) {
        continue;
      }
      int n = 1 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        GenPort port = w.ports.get(random.nextInt(w.ports.size()));
        String kind = ROUTE_KINDS[random.nextInt(ROUTE_KINDS.length)];
        if (kind.equals("TCPRoute") && !tcpPorts.computeIfAbsent(w.namespace, k -> new TreeSet<>()).add(port.port())) {
          kind = "HTTPRoute";
        }
        boolean tls = (kind.equals("HTTPRoute") || kind.equals("GRPCRoute")) && random.nextBoolean();
        w.routes.add(new GenRoute("r" + i, kind, w.name + "-r" + i + ".example.com", port, tls));
      }
    }
  }

  private static final String[] ROUTE_KINDS = {"HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute"};

  /** An ingress route: its kind, its one host (none for TCP), the port it sends to, and whether the gateway terminates TLS. */
  record GenRoute(String name, String kind, String host, GenPort port, boolean tls) {
    /** The Gateway listener port the route needs. */
    int listenerPort() {
      return switch (kind) {
        case "TCPRoute" -> port.port();
        case "TLSRoute" -> 443;
        default -> tls ? 443 : 80;
      };
    }
  }

  private String namespace() {
    return "ns-" + random.nextInt(shape.namespaces());
  }

  private List<GenPort> ports() {
    int n = 1 + random.nextInt(3);
    List<GenPort> out = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    String[] names = {"http", "grpc", "admin"};
    for (int i = 0; i < n; i++) {
      int port = 8000 + i * 100 + random.nextInt(50);
      int target = random.nextBoolean() ? port : 9000 + i * 100 + random.nextInt(50);
      if (used.add(target)) {
        out.add(new GenPort(names[i], port, target));
      }
    }
    return out;
  }

  /** The spelling a service document is written in. */
  enum Form {
    CANONICAL,
    FLAT,
    SNAKE
  }

  record GenPort(String name, int port, int targetPort) {}

  /** A workload under construction. */
  static final class GenWorkload {
    final String namespace;
    final String name;
    final List<GenPort> ports;
    final Form form;
    final boolean meshMember;
    final String serviceAccount;
    final boolean ambient;
    final Set<String> calls = new TreeSet<>();
    final Set<String> accepts = new TreeSet<>();
    final Set<String> externalCalls = new TreeSet<>();
    /** A service's {@code serviceType}, when not ClusterIP. */
    String serviceType;
    /** A service's ingress routes. */
    final List<GenRoute> routes = new ArrayList<>();
    /** A mesh member's port modes other than Strict, by port name. */
    final Map<String, String> peerAuth = new TreeMap<>();

    private GenWorkload(String namespace, String name, List<GenPort> ports, Form form, boolean meshMember, String sa, boolean ambient) {
      this.namespace = namespace;
      this.name = name;
      this.ports = ports;
      this.form = form;
      this.meshMember = meshMember;
      this.serviceAccount = sa;
      this.ambient = ambient;
    }

    static GenWorkload service(String ns, String name, List<GenPort> ports, Form form) {
      return new GenWorkload(ns, name, ports, form, false, name, true);
    }

    static GenWorkload meshMember(String ns, String name, String sa, boolean ambient, List<GenPort> ports) {
      return new GenWorkload(ns, name, ports, Form.CANONICAL, true, sa, ambient);
    }

    boolean isService() {
      return !meshMember;
    }

    String address() {
      return namespace + "/" + name;
    }

    /** The target ports reachable from outside the mesh and from where ({@code world} or {@code kube-apiserver}). */
    Map<Integer, String> openings() {
      Map<Integer, String> out = new TreeMap<>();
      for (GenPort p : ports) {
        if (serviceType != null) {
          out.put(p.targetPort(), "world");
        } else if (peerAuth.containsKey(p.name())) {
          out.put(p.targetPort(), peerAuth.get(p.name()).equals("Webhook") ? "kube-apiserver" : "world");
        }
      }
      return out;
    }

    Map<String, String> labels() {
      return meshMember ? Map.of("app", name) : Map.of("app.kubernetes.io/name", name, "lattice.dev/service", name);
    }
  }

  /** An external service under construction. */
  static final class GenExternal {
    final String namespace;
    final String name;
    final boolean wildcard;
    final Set<String> callers = new TreeSet<>();
    final Set<String> requesters = new TreeSet<>();

    GenExternal(String namespace, String name, boolean wildcard) {
      this.namespace = namespace;
      this.name = name;
      this.wildcard = wildcard;
    }

    String address() {
      return namespace + "/" + name;
    }

    String host() {
      return name + ".example.com";
    }
  }
}
