package dev.lattice.emit.istio;

import dev.lattice.document.Document;
import dev.lattice.compiler.plan.ExternalEdgePlan;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.compiler.spi.EmittedKind;
import dev.lattice.compiler.spi.Emitter;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Istio ambient layer (DESIGN.md §3): with any member, the mesh-wide deny-all {@code
 * AuthorizationPolicy} and STRICT {@code PeerAuthentication} in {@code istio-system}; per ambient
 * member an {@code allow-to-<member>} policy with its agreed ambient callers' principals
 * ({@code <trustDomain>/ns/<ns>/sa/<sa>}, trust domain from the options) and a rule without
 * principals on its ways in from outside the mesh, for a service with a {@code metrics} port {@code
 * allow-scrape-<member>} for vmagent, and the port-level PERMISSIVE {@code PeerAuthentication
 * plaintext-<member>} for every port that takes plaintext; per job {@code allow-peers-<job>} between its
 * tasks; per external destination with addresses
 * someone may reach, a {@code ServiceEntry}; per namespace whose services declare ingress routes,
 * the shared Gateway API {@code Gateway}, its routes, cert-manager {@code Certificate}s and
 * {@code allow-to-<gw>} ({@link GatewayDocuments}), and the gateway's principal in the routed
 * services' {@code allow-to-<member>} on their routed ports. {@link #check} reports routes the
 * shared Gateway cannot hold ({@code LAT1034}).
 */
public final class IstioEmitter implements Emitter {

  private static final List<EmittedKind> KINDS = List.of(
      EmittedKind.namespaced("security.istio.io/v1", "AuthorizationPolicy", "authorizationpolicies"),
      EmittedKind.namespaced("security.istio.io/v1", "PeerAuthentication", "peerauthentications"),
      EmittedKind.namespaced("networking.istio.io/v1", "ServiceEntry", "serviceentries"),
      EmittedKind.namespaced(GatewayDocuments.GATEWAY_API, "Gateway", "gateways"),
      EmittedKind.namespaced(GatewayDocuments.GATEWAY_API, "HTTPRoute", "httproutes"),
      EmittedKind.namespaced(GatewayDocuments.GATEWAY_API, "GRPCRoute", "grpcroutes"),
      EmittedKind.namespaced(GatewayDocuments.GATEWAY_API, "TCPRoute", "tcproutes"),
      EmittedKind.namespaced(GatewayDocuments.GATEWAY_API, "TLSRoute", "tlsroutes"),
      EmittedKind.namespaced(GatewayDocuments.CERT_MANAGER, "Certificate", "certificates"));

  @Override
  public List<EmittedKind> kinds() {
    return KINDS;
  }

  @Override
  public String name() {
    return "istio";
  }

  /**
   * Reports the ingress routes a namespace's shared Gateway cannot hold ({@code LAT1034}), and the
   * TCP and TLS routes the Istio Lattice installs does not read yet ({@code LAT1035}).
   */
  @Override
  public void check(FleetPlan plan, EmitContext context) {
    for (MemberPlan member : plan.members().values()) {
      for (var route : member.routes()) {
        if (route.kind() == dev.lattice.compiler.plan.IngressRoute.Kind.TCP
            || route.kind() == dev.lattice.compiler.plan.IngressRoute.Kind.TLS) {
          String path = dev.lattice.model.PathSyntax.child("spec.ingress.routes", route.name());
          var sources = member.source().sources();
          context.report(Diagnostic.warning(Codes.ROUTE_NEEDS_NEWER_ISTIO, "route " + route.name() + " of "
                  + member.ref().name() + " is a " + route.kind().wire() + " (gateway.networking.k8s.io/v1), which Istio"
                  + " reads only from " + (route.kind() == dev.lattice.compiler.plan.IngressRoute.Kind.TCP ? "1.31" : "1.30")
                  + "; the clusters Lattice provisions run Istio 1.26.3, where it attaches to no listener",
              "upgrade Istio on the cluster, or route the traffic over HTTP/gRPC or a LoadBalancer service (docs/DIAGNOSTICS.md, LAT1035)",
              sources.keyAt(path), sources.pathOf(path)));
        }
      }
    }
    plan.gateways().values().forEach(g -> g.conflicts().forEach(c -> {
      String path = dev.lattice.model.PathSyntax.child("spec.ingress.routes", c.route());
      var sources = c.member().source().sources();
      context.report(Diagnostic.error(Codes.INGRESS_CONFLICT, "route " + c.route() + " of " + c.member().ref().name()
          + ": " + c.message(), "give the route its own host or port", sources.keyAt(path), sources.pathOf(path)));
    }));
  }

  @Override
  public List<Document> emit(FleetPlan plan, EmitContext context) {
    List<Document> documents = new ArrayList<>();
    if (plan.members().isEmpty()) {
      return documents;
    }
    documents.add(AuthorizationPolicies.denyAll());
    documents.add(AuthorizationPolicies.strictMtls());
    AuthorizationPolicies policies = new AuthorizationPolicies(plan, context.options().trustDomain());
    // each ambient member's policies from the immutable plan alone: at once, in member order
    new ArrayList<>(plan.members().values()).parallelStream().filter(MemberPlan::ambient).map(member -> {
      List<Document> own = new ArrayList<>(3);
      own.add(policies.allowTo(member));
      member.metricsPort().ifPresent(p -> own.add(policies.allowScrape(member, p)));
      List<Integer> plaintext = member.plaintextTcpPorts();
      if (!plaintext.isEmpty() && !member.selector().isEmpty()) {
        own.add(policies.plaintextPorts(member, plaintext));
      }
      return own;
    }).toList().forEach(documents::addAll);
    plan.jobs().values().forEach(job -> policies.allowPeers(job).ifPresent(documents::add));
    plan.gateways().values().forEach(g -> documents.addAll(GatewayDocuments.of(g)));
    for (var model : plan.models().values()) {
      policies.allowKthena(model, model.scrapedPorts()).ifPresent(documents::add);
      policies.allowPeers(model).ifPresent(documents::add);
    }
    TreeSet<ObjectRef> reached = new TreeSet<>();
    for (ExternalEdgePlan edge : plan.externalEdges()) {
      reached.add(edge.external());
    }
    for (ObjectRef ref : reached) {
      ExternalPlan external = plan.externals().get(ref);
      if (external != null) {
        ServiceEntries.of(external).ifPresent(documents::add);
      }
    }
    documents.sort(Document.ORDER);
    return documents;
  }
}
