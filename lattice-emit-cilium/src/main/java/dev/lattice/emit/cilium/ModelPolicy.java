package dev.lattice.emit.cilium;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.document.ObjectNames;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.ModelPlan;
import dev.lattice.compiler.platform.Kthena;
import dev.lattice.emit.cilium.CiliumRules.L4Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The L4 policies a model adds to its roles' own (which stay bilateral, as a service's):
 *
 * <ul>
 *   <li>{@code model-kthena-<model>}: the Kthena router to the model's entry pods on the routing
 *       port, which it proxies every request to (a ModelServer's {@code workloadPort}; for
 *       prefill/decode it calls the prefill pod, then the decode pod: volcano-sh/kthena
 *       pkg/kthena-router/connectors), and the Kthena autoscaler to the autoscaled roles' pods on
 *       their metric ports. Over HBONE (15008) when the model is in the ambient mesh, as Kthena's
 *       namespace must then be too.
 *   <li>{@code model-peers-<model>}: the model's pods to and from each other — on the KV connector's
 *       port when prefill and decode are disaggregated, on every port with a NIXL connector (its UCX
 *       transport listens on ports chosen at run time) or when a role has worker pods (NCCL between
 *       the nodes of a replica: NVIDIA/nccl#388); see {@link ModelPlan#peersOnEveryPort()}. None for a
 *       one-pod-per-replica serving model.
 * </ul>
 */
final class ModelPolicy {
  private ModelPolicy() {}

  static List<Document> of(FleetPlan plan, ModelPlan model) {
    List<Document> out = new ArrayList<>();
    List<MemberPlan> entries = model.roles().stream().map(r -> plan.member(r.entry())).flatMap(Optional::stream).toList();
    boolean ambient = !entries.isEmpty() && entries.stream().allMatch(MemberPlan::ambient);
    String ns = model.ref().namespace();
    Map<String, String> labels = Map.of(Json.NAME_LABEL, ObjectNames.bounded(model.ref().name()));
    out.add(Json.document(MemberPolicy.API_VERSION, MemberPolicy.KIND, Optional.of(ns), ObjectNames.bounded("model-kthena-" + model.ref().name()),
        labels, body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("endpointSelector").set("matchLabels", Json.sortedMap(Map.of(Json.MODEL_LABEL, model.ref().name())));
          spec.set("enableDefaultDeny", CiliumRules.defaultDeny());
          ArrayNode ingress = spec.putArray("ingress");
          ObjectNode router = ingress.addObject();
          router.set("fromEndpoints", CiliumRules.single(kthena(Kthena.ROUTER)));
          router.set("toPorts", CiliumRules.toPorts(List.of(L4Port.tcp(ambient ? CiliumRules.HBONE_PORT : model.model().spec().routing().port()))));
          java.util.SortedSet<Integer> metrics = model.scrapedPorts();
          if (!metrics.isEmpty()) {
            ObjectNode scaler = ingress.addObject();
            scaler.set("fromEndpoints", CiliumRules.single(kthena(Kthena.CONTROLLER)));
            scaler.set("toPorts", CiliumRules.toPorts(ambient ? List.of(L4Port.tcp(CiliumRules.HBONE_PORT))
                : metrics.stream().map(L4Port::tcp).toList()));
          }
        }));
    peers(plan, model).ifPresent(out::add);
    return out;
  }

  private static Optional<Document> peers(FleetPlan plan, ModelPlan model) {
    if (!model.peers() || (!model.peersOnEveryPort() && model.kvPort().isEmpty())) {
      return Optional.empty();
    }
    List<MemberPlan> members = model.workloads().stream().map(plan::member).flatMap(Optional::stream).toList();
    boolean all = !members.isEmpty() && members.stream().allMatch(MemberPlan::ambient);
    Optional<List<L4Port>> ports = model.peersOnEveryPort() ? Optional.empty()
        : Optional.of(List.of(L4Port.tcp(all ? CiliumRules.HBONE_PORT : model.kvPort().get())));
    return Optional.of(Json.document(MemberPolicy.API_VERSION, MemberPolicy.KIND, Optional.of(model.ref().namespace()),
        ObjectNames.bounded("model-peers-" + model.ref().name()), Map.of(Json.NAME_LABEL, ObjectNames.bounded(model.ref().name())), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("endpointSelector").set("matchLabels", Json.sortedMap(Map.of(Json.MODEL_LABEL, model.ref().name())));
          spec.set("enableDefaultDeny", CiliumRules.defaultDeny());
          ObjectNode in = Json.object();
          in.set("fromEndpoints", CiliumRules.single(modelPods(model)));
          ports.ifPresent(p -> in.set("toPorts", CiliumRules.toPorts(p)));
          spec.set("ingress", CiliumRules.single(in));
          ObjectNode out = Json.object();
          out.set("toEndpoints", CiliumRules.single(modelPods(model)));
          ports.ifPresent(p -> out.set("toPorts", CiliumRules.toPorts(p)));
          spec.set("egress", CiliumRules.single(out));
        }));
  }

  private static ObjectNode modelPods(ModelPlan model) {
    TreeMap<String, String> labels = new TreeMap<>();
    labels.put(Json.MODEL_LABEL, model.ref().name());
    labels.put(CiliumRules.NAMESPACE_LABEL, model.ref().namespace());
    ObjectNode selector = Json.object();
    selector.set("matchLabels", Json.sortedMap(labels));
    return selector;
  }

  private static ObjectNode kthena(String component) {
    TreeMap<String, String> labels = new TreeMap<>(Kthena.podLabels(component));
    labels.put(CiliumRules.NAMESPACE_LABEL, Kthena.NAMESPACE);
    ObjectNode selector = Json.object();
    selector.set("matchLabels", Json.sortedMap(labels));
    return selector;
  }
}
