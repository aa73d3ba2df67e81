package dev.lattice.emit.istio;

import dev.lattice.document.ObjectNames;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.model.mesh.Endpoint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@code ServiceEntry} for the addresses of an external destination, so the mesh knows them
 * ({@code MESH_EXTERNAL}, visible only in its namespace: {@code exportTo: ["."]}).
 *
 * <ul>
 *   <li>DNS names get none. Under ambient DNS capture (on by default since Istio 1.25, istio.io
 *       "DNS Proxying") ztunnel answers a ServiceEntry host in the pod itself, with an
 *       auto-allocated address, so Cilium's DNS proxy never sees the lookup and its {@code toFQDNs}
 *       rule learns no address: the connection is dropped. Lattice enforces names with Cilium
 *       {@code toFQDNs} and turns DNS capture off on the callers' pods ({@code
 *       ambient.istio.io/dns-capture: "false"}, the per-pod opt-out those docs name); for such pods a
 *       ServiceEntry host would do nothing (istio/api release note 3361: without DNS capture
 *       "ServiceEntries and egress waypoints" do not work), so none is written.
 *   <li>Endpoints with port 0 ("any port") are skipped: a ServiceEntry port needs a number. With no
 *       address endpoint left there is no ServiceEntry; the L4 policy still allows the traffic.
 *   <li>{@code hosts: [<name>.external]} (the shortened name, so the label fits in 63 characters),
 *       {@code addresses} the CIDRs, and {@code resolution: STATIC} with one {@code endpoints} entry
 *       per address; if one is a CIDR range, which cannot be an endpoint, {@code resolution: NONE}
 *       (traffic keeps its original destination).
 *   <li>Ports: {@code <protocol>-<port>} ({@code tls-443}, {@code http-80}, {@code tcp-5432}) with
 *       the endpoint's protocol; when endpoints disagree on a port's protocol it is {@code TCP}.
 * </ul>
 */
final class ServiceEntries {
  static final String API_VERSION = "networking.istio.io/v1";
  static final String KIND = "ServiceEntry";
  static final String STATIC_HOST_SUFFIX = ".external";

  private ServiceEntries() {}

  /** The ServiceEntry of {@code external}; empty when no address endpoint has a port. */
  static Optional<Document> of(ExternalPlan external) {
    List<Endpoint> chosen = external.endpoints().values().stream().filter(e -> e.port() != 0 && e.isAddress()).toList();
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    String name = ObjectNames.bounded(external.ref().name());
    String owner = ObjectNames.bounded(external.inlineOwner().orElse(external.ref()).name());
    return Optional.of(Json.document(API_VERSION, KIND, Optional.of(external.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, owner), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.set("hosts", Json.strings(List.of(name + STATIC_HOST_SUFFIX)));
          TreeSet<String> cidrs = new TreeSet<>();
          chosen.forEach(e -> cidrs.add(e.cidr()));
          spec.set("addresses", Json.strings(cidrs));
          ports(spec, chosen);
          spec.put("location", "MESH_EXTERNAL");
          boolean ranges = chosen.stream().anyMatch(e -> e.host().contains("/"));
          spec.put("resolution", ranges ? "NONE" : "STATIC");
          if (!ranges) {
            TreeSet<String> addresses = new TreeSet<>();
            chosen.forEach(e -> addresses.add(e.host()));
            ArrayNode endpoints = spec.putArray("endpoints");
            addresses.forEach(a -> endpoints.addObject().put("address", a));
          }
          spec.set("exportTo", Json.strings(List.of(".")));
        }));
  }

  private static void ports(ObjectNode spec, List<Endpoint> endpoints) {
    TreeMap<Integer, String> protocols = new TreeMap<>();
    endpoints.forEach(e -> protocols.merge(e.port(), e.protocol(), (a, b) -> a.equals(b) ? a : "TCP"));
    ArrayNode ports = spec.putArray("ports");
    protocols.forEach((port, protocol) -> ports.addObject()
        .put("number", port)
        .put("name", protocol.toLowerCase(Locale.ROOT) + "-" + port)
        .put("protocol", protocol));
  }
}
