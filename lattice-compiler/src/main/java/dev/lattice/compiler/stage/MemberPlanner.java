package dev.lattice.compiler.stage;

import dev.lattice.document.Json;
import dev.lattice.compiler.plan.IngressRoute;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.Opening;
import dev.lattice.compiler.plan.PortPlan;
import dev.lattice.model.LatticeMeshMember;
import dev.lattice.model.LatticeService;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.mesh.LatticeMeshMemberSpec;
import dev.lattice.model.service.IngressSpec;
import dev.lattice.model.service.ServicePortsSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Lowers every workload kind to a {@link MemberPlan}: identity, selector, ports. */
final class MemberPlanner {
  private MemberPlanner() {}

  static Map<ObjectRef, MemberPlan> plan(ObjectIndex index, Diagnostics diagnostics) {
    Map<ObjectRef, MemberPlan> members = new TreeMap<>();
    index.services.forEach((ref, s) -> members.put(ref, service(ref, s)));
    index.meshMembers.forEach((ref, s) -> members.put(ref, meshMember(ref, s, diagnostics)));
    return members;
  }

  private static MemberPlan service(ObjectRef ref, SourcedObject s) {
    LatticeService svc = (LatticeService) s.object();
    List<PortPlan> ports = new ArrayList<>();
    svc.spec().workload().service().ifPresent(p -> p.ports().forEach((name, port) ->
        ports.add(new PortPlan(name, port.port(), port.effectiveTargetPort(), port.protocol().wire()))));
    ports.sort(Comparator.comparing(PortPlan::name));
    List<Opening> openings = new ArrayList<>();
    svc.spec().workload().service().flatMap(p -> p.serviceType()).flatMap(MemberPlanner::way).ifPresent(way ->
        ports.forEach(p -> openings.add(new Opening(p.targetPort(), p.protocol(), way))));
    return new MemberPlan(ref, MemberPlan.Origin.SERVICE, ref.name(), new TreeMap<>(Map.of(Json.SERVICE_LABEL, ref.name())),
        true, ports, openings, routes(svc, ports), s);
  }

  /**
   * A service's ingress routes with their ports resolved ({@link IngressSpec.Route#portName}); a route
   * whose kind or port the model's checks refuse is left out (its error stops the compilation).
   */
  private static List<IngressRoute> routes(LatticeService svc, List<PortPlan> ports) {
    List<IngressRoute> routes = new ArrayList<>();
    Map<String, PortPlan> byName = new TreeMap<>();
    ports.forEach(p -> byName.put(p.name(), p));
    svc.spec().ingress().ifPresent(ingress -> ingress.routes().forEach((name, route) -> {
      var kind = IngressRoute.Kind.of(route.kindOrDefault());
      var port = route.portName(byName.keySet()).map(byName::get).filter(p -> p.protocol().equals("TCP"));
      if (kind.isPresent() && port.isPresent()) {
        var tls = route.tls().map(t -> new IngressRoute.Tls(t.issuerRef().map(IngressSpec.IssuerRef::name),
            t.issuerRef().map(IngressSpec.IssuerRef::kindOrDefault).orElse("Issuer"), t.secretName()));
        List<String> hosts = kind.get() == IngressRoute.Kind.TCP ? List.of() : route.hosts();
        List<String> paths = kind.get() == IngressRoute.Kind.HTTP ? route.paths() : List.of();
        routes.add(new IngressRoute(name, kind.get(), hosts, paths, port.get(), tls));
      }
    }));
    return routes;
  }

  private static java.util.Optional<Opening.Way> way(ServicePortsSpec.ServiceType type) {
    return switch (type) {
      case LOAD_BALANCER -> java.util.Optional.of(Opening.Way.LOAD_BALANCER);
      case NODE_PORT -> java.util.Optional.of(Opening.Way.NODE_PORT);
      case CLUSTER_IP -> java.util.Optional.empty();
    };
  }

  private static MemberPlan meshMember(ObjectRef ref, SourcedObject s, Diagnostics diagnostics) {
    LatticeMeshMemberSpec spec = ((LatticeMeshMember) s.object()).spec();
    spec.target().namespace().filter(ns -> !ns.equals(ref.namespace())).ifPresent(ns -> diagnostics.add(
        Diagnostic.error(Codes.INVALID_VALUE, "target.namespace '" + ns + "' differs from the member's namespace '"
            + ref.namespace() + "'", "create the LatticeMeshMember in namespace " + ns,
            s.sources().valueAt("spec.target.namespace"), "spec.target.namespace")));
    List<PortPlan> ports = new ArrayList<>();
    spec.ports().forEach(p -> ports.add(new PortPlan(p.name(), p.port(), p.port(), "TCP")));
    ports.sort(Comparator.comparing(PortPlan::name));
    TreeMap<String, String> selector = new TreeMap<>(spec.target().selector().map(x -> x.labels()).orElse(Map.of()));
    List<Opening> openings = new ArrayList<>();
    for (int i = 0; i < spec.ports().size(); i++) {
      LatticeMeshMemberSpec.Port p = spec.ports().get(i);
      Opening.Way way = switch (p.peerAuth()) {
        case STRICT -> null;
        case PERMISSIVE -> Opening.Way.PERMISSIVE;
        case WEBHOOK -> Opening.Way.WEBHOOK;
      };
      if (way == null) {
        continue;
      }
      if (spec.ambient() && selector.isEmpty()) {
        // ztunnel honours port-level mTLS only from a PeerAuthentication with a selector outside the
        // root namespace (istio/istio pilot/pkg/serviceregistry/kube/controller/ambient/policies.go,
        // see istio/istio#61023): a whole-namespace member cannot have one plaintext port
        String path = "spec.ports[" + i + "].peerAuth";
        diagnostics.add(Diagnostic.warning(Codes.PLAINTEXT_NEEDS_SELECTOR, "port " + p.port() + " is " + p.peerAuth().wire()
            + " but the member selects a whole namespace: Istio applies port-level mTLS only to selected pods, so the port "
            + "stays closed to plaintext", "target the pods with spec.target.selector.labels",
            s.sources().valueAt(path), s.sources().pathOf(path)));
        continue;
      }
      openings.add(new Opening(p.port(), "TCP", way));
    }
    return new MemberPlan(ref, MemberPlan.Origin.MESH_MEMBER, spec.serviceAccount().orElse(ref.name()), selector,
        spec.ambient(), ports, openings, List.of(), s);
  }
}
