package dev.lattice.emit.istio;

import dev.lattice.compiler.document.ObjectNames;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.compiler.document.Document;
import dev.lattice.compiler.document.Json;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.model.mesh.Endpoint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@code ServiceEntry} for an external destination, so the mesh knows it ({@code MESH_EXTERNAL},
 * visible only in its namespace: {@code exportTo: ["."]}).
 *
 * <ul>
 *   <li>Endpoints with port 0 ("any port") are skipped: a ServiceEntry port needs a number. With no
 *       endpoint left there is no ServiceEntry; the L4 policy still allows the traffic.
 *   <li>If any endpoint is a DNS name: {@code resolution: DNS} with the names as {@code hosts}
 *       ({@code NONE} when a name is a wildcard, which cannot be resolved); address endpoints of the
 *       same destination are left to the L4 layer.
 *   <li>Otherwise the endpoints are addresses: {@code hosts: [<name>.external]} (the shortened
 *       name, so the label fits in 63 characters), {@code addresses}
 *       the CIDRs, and {@code resolution: STATIC} with one {@code endpoints} entry per address; if
 *       one is a CIDR range, which cannot be an endpoint, {@code resolution: NONE} (traffic keeps its
 *       original destination).
 *   <li>Ports: {@code <protocol>-<port>} ({@code tls-443}, {@code http-80}, {@code tcp-5432}) with
 *       the endpoint's protocol; when endpoints disagree on a port's protocol it is {@code TCP}.
 * </ul>
 */
final class ServiceEntries {
  static final String API_VERSION = "networking.istio.io/v1";
  static final String KIND = "ServiceEntry";
  static final String STATIC_HOST_SUFFIX = ".external";

  private ServiceEntries() {}

  /** The ServiceEntry of {@code external}; empty when no endpoint has a port. */
  static Optional<Document> of(ExternalPlan external) {
    List<Endpoint> usable = external.endpoints().values().stream().filter(e -> e.port() != 0).toList();
    List<Endpoint> named = usable.stream().filter(e -> !e.isAddress()).toList();
    List<Endpoint> chosen = named.isEmpty() ? usable : named;
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    String name = ObjectNames.bounded(external.ref().name());
    String owner = ObjectNames.bounded(external.inlineOwner().orElse(external.ref()).name());
    return Optional.of(Json.document(API_VERSION, KIND, Optional.of(external.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, owner), body -> {
          ObjectNode spec = body.putObject("spec");
          if (!named.isEmpty()) {
            TreeSet<String> hosts = new TreeSet<>();
            named.forEach(e -> hosts.add(e.host()));
            spec.set("hosts", Json.strings(hosts));
            ports(spec, chosen);
            spec.put("location", "MESH_EXTERNAL");
            spec.put("resolution", hosts.stream().anyMatch(h -> h.contains("*")) ? "NONE" : "DNS");
          } else {
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
