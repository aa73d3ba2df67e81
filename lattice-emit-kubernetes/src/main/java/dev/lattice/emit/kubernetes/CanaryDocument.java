package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.PortPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.service.DeploySpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Flagger {@code Canary} of a service rolled out with {@code deploy.strategy: canary}, written
 * for how Flagger behaves (fluxcd/flagger, docs "How it works" https://docs.flagger.app/usage/how-it-works
 * and pkg/canary/deployment_controller.go, pkg/canary/service_controller.go):
 *
 * <ul>
 *   <li>Flagger copies the Deployment to {@code <name>-primary}, rewrites the selector label on the
 *       primary's pods and scales the target to zero; it creates and owns the Services {@code
 *       <name>}, {@code <name>-primary} and {@code <name>-canary}. So no Service is emitted for a
 *       canary, and every policy selects on {@link Json#SERVICE_LABEL}, which the primary inherits.
 *   <li>{@code service}: the canary port is the port named {@code http}, else the first TCP port by
 *       number ({@link #canaryPort}); {@code portDiscovery} when the service has other ports, which
 *       Flagger then exposes on their container port numbers (a warning names a port whose Service
 *       port differs, {@value Codes#CANARY_TRAFFIC}).
 *   <li>{@code autoscalerRef} to the service's KEDA ScaledObject when it autoscales: Flagger then
 *       creates {@code <name>-primary} of it targeting the primary, and pauses the target's scaler
 *       (pkg/canary/scaled_object_reconciler.go).
 *   <li>{@code provider: kubernetes}: in the ambient mesh without a waypoint nothing applies
 *       weighted routes (ztunnel is L4 only), so Flagger's Kubernetes L4 provider is the one that
 *       works (Flagger FAQ: "Flagger can orchestrate Blue/Green style deployments with Kubernetes L4
 *       networking", https://docs.flagger.app/faq). It shifts no weight: the declared {@code
 *       maxWeight/stepWeight} become that many {@code iterations} of analysis, and a warning
 *       ({@value Codes#CANARY_TRAFFIC}) says so.
 * </ul>
 */
final class CanaryDocument {
  private CanaryDocument() {}

  /** The serving port Flagger routes: the one named {@code http}, else the first TCP port by number. */
  static Optional<PortPlan> canaryPort(List<PortPlan> ports) {
    return ports.stream().filter(p -> p.name().equals("http") && p.protocol().equals("TCP")).findFirst()
        .or(() -> ports.stream().filter(p -> p.protocol().equals("TCP")).min(Comparator.comparingInt(PortPlan::port)));
  }

  static boolean isCanary(WorkloadPlan w) {
    return w.service().spec().deploy().map(d -> d.strategy() == DeploySpec.Strategy.CANARY).orElse(false);
  }

  static Optional<Document> of(WorkloadPlan w, boolean autoscaled, EmitContext context) {
    Optional<PortPlan> port = canaryPort(w.member().ports());
    if (port.isEmpty()) {
      return Optional.empty(); // the validator reports LAT1027; nothing Flagger could route
    }
    DeploySpec.CanarySpec c = w.service().spec().deploy().flatMap(DeploySpec::canary)
        .orElse(new DeploySpec.CanarySpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    int maxWeight = c.maxWeight().orElse(50);
    int stepWeight = Math.max(1, c.stepWeight().orElse(10));
    int iterations = Math.max(1, maxWeight / stepWeight);
    context.report(Diagnostic.warning(Codes.CANARY_TRAFFIC,
        "canary " + w.ref() + " runs " + iterations + " analysis iterations (maxWeight " + maxWeight + " / stepWeight "
            + stepWeight + ") without shifting traffic: in the ambient mesh weighted routing needs a waypoint",
        "Flagger's kubernetes provider promotes after the analysis; deploy a waypoint and a Gateway API provider for weights",
        w.source().sources().valueAt("spec.deploy"), "spec.deploy"));
    String ns = w.ref().namespace();
    String name = w.ref().name();
    PortPlan served = port.get();
    w.member().ports().stream().filter(p -> p != served && p.port() != p.targetPort()).forEach(p ->
        context.report(Diagnostic.warning(Codes.CANARY_TRAFFIC,
            "Flagger exposes port '" + p.name() + "' of canary " + w.ref() + " on its container port " + p.targetPort()
                + ", not on " + p.port(), "give the port targetPort " + p.port() + " or call it on " + p.targetPort(),
            w.source().sources().valueAt("spec.workload.service.ports." + p.name()), "spec.workload.service.ports." + p.name())));
    return Optional.of(Json.document("flagger.app/v1beta1", "Canary", Optional.of(ns), name, Map.of(Json.NAME_LABEL, name), body -> {
      ObjectNode s = body.putObject("spec");
      ObjectNode analysis = s.putObject("analysis");
      analysis.put("interval", c.interval().orElse("1m"));
      analysis.put("iterations", iterations);
      analysis.put("threshold", c.threshold().orElse(5));
      if (autoscaled) {
        s.putObject("autoscalerRef").put("apiVersion", "keda.sh/v1alpha1").put("kind", "ScaledObject").put("name", name);
      }
      s.put("provider", "kubernetes");
      ObjectNode service = s.putObject("service");
      service.put("port", served.port());
      service.put("portDiscovery", w.member().ports().size() > 1);
      service.put("portName", served.name());
      service.put("targetPort", served.targetPort());
      s.putObject("targetRef").put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", name);
    }));
  }
}
