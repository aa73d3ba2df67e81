package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.compiler.document.Document;
import dev.lattice.compiler.document.Json;
import dev.lattice.model.cluster.ParentConfigSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A cell's documents, applied inside the cell cluster itself: the {@code lattice-cell} Service in
 * {@code lattice-system} that exposes the gRPC, bootstrap and proxy ports of the Lattice runtime
 * (pods labelled {@code app.kubernetes.io/name: lattice}) with the declared Service type, and the
 * {@code lattice-cell} ConfigMap holding the settings the runtime reads ({@code cluster}, {@code
 * grpcPort}, {@code bootstrapPort}, {@code proxyPort}, {@code serviceType}, and {@code host} when
 * declared; without it the runtime discovers the Service's address).
 */
final class CellDocuments {
  static final String NAME = "lattice-cell";
  static final String NAMESPACE = "lattice-system";
  static final String RUNTIME = "lattice";
  static final String CLUSTER_LABEL = "lattice.dev/cluster";

  private CellDocuments() {}

  static List<Document> of(ClusterPlan plan, ParentConfigSpec cell) {
    Map<String, String> labels = Map.of(Json.NAME_LABEL, NAME, CLUSTER_LABEL, plan.name());
    String type = cell.service().map(s -> s.type()).orElse(ParentConfigSpec.Type.LOAD_BALANCER).wire();
    Document service = Json.document("v1", "Service", Optional.of(NAMESPACE), NAME, labels, body -> {
      ObjectNode spec = body.putObject("spec");
      ArrayNode ports = spec.putArray("ports");
      port(ports, "grpc", cell.grpcPort());
      port(ports, "bootstrap", cell.bootstrapPort());
      port(ports, "proxy", cell.proxyPort());
      spec.set("selector", Json.sortedMap(Map.of(Json.NAME_LABEL, RUNTIME)));
      spec.put("type", type);
    });
    Map<String, String> data = new TreeMap<>();
    data.put("cluster", plan.name());
    data.put("grpcPort", Integer.toString(cell.grpcPort()));
    data.put("bootstrapPort", Integer.toString(cell.bootstrapPort()));
    data.put("proxyPort", Integer.toString(cell.proxyPort()));
    data.put("serviceType", type);
    cell.host().ifPresent(h -> data.put("host", h));
    Document config = Json.document("v1", "ConfigMap", Optional.of(NAMESPACE), NAME, labels,
        body -> body.set("data", Json.sortedMap(data)));
    return List.of(config, service);
  }

  private static void port(ArrayNode ports, String name, int port) {
    ports.addObject().put("name", name).put("port", port).put("protocol", "TCP").put("targetPort", port);
  }
}
