package dev.lattice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.testkit.explain.Explainer;
import dev.lattice.testkit.explain.Explanation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lattice explain --from A --to B [--port N] [--json] PATH...}: allowed or denied at L4 and
 * L7, and why; {@code --from world|kube-apiserver|remote-node} for plaintext from outside the mesh,
 * {@code --from kthena-router|kthena-controller-manager} for Kthena's router and autoscaler (a model's callers). Exit 0 with an answer (allowed or not), 1 for input errors, 2 for an unknown name.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain whether one service may reach another (or an external service), at L4 and L7.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "SERVICE", description = "the caller: namespace/name, or name when "
      + "unambiguous; or world, kube-apiserver or remote-node for plaintext from outside the mesh; or gateway (the "
      + "ingress gateway of --to's namespace) or <namespace>-ingress; or kthena-router, kthena-controller-manager for "
      + "Kthena's router and autoscaler (a member named so: write namespace/name)")
  String from;

  @Option(names = "--to", required = true, paramLabel = "SERVICE", description = "the callee or external service; from "
      + "outside the mesh also an ingress gateway (<namespace>-ingress)")
  String to;

  @Option(names = "--port", paramLabel = "N", description = "one target port (default: any port of the callee)")
  Integer port;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Compilation result = input.compiler().build().compile(input.read());
    if (result.hasErrors()) {
      DiagnosticPrinter.print(result.diagnostics(), input.diagnostics, spec.commandLine().getErr());
      spec.commandLine().getErr().println("cannot explain: fix the errors above");
      return LatticeCommand.INPUT_ERRORS;
    }
    FleetPlan plan = result.plan().orElseThrow();
    List<String> known = new ArrayList<>();
    plan.members().keySet().forEach(r -> known.add(r.toString()));
    Explainer explainer = new Explainer(result, input.trustDomain);
    if (Explainer.OUTSIDE_SOURCES.contains(from)) {
      Optional<dev.lattice.compiler.plan.GatewayPlan> gateway = known.contains(to) ? Optional.empty()
          : explainer.gateway(to, "");
      print(gateway.isPresent() ? explainer.explainOutsideToGateway(from, gateway.get(), Optional.ofNullable(port))
          : explainer.explainFromOutside(from, resolve(to, known, "--to"), Optional.ofNullable(port)));
      return LatticeCommand.OK;
    }
    if (!known.contains(from) && (from.equals(Explainer.GATEWAY_SOURCE) || explainer.gateway(from, "").isPresent())) {
      ObjectRef callee = resolve(to, known, "--to");
      var gateway = explainer.gateway(from, callee.namespace());
      if (gateway.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--from gateway: no service of namespace "
            + callee.namespace() + " declares spec.ingress, so it has no ingress gateway");
      }
      print(explainer.explainFromGateway(gateway.get(), callee, Optional.ofNullable(port)));
      return LatticeCommand.OK;
    }
    if (Explainer.KTHENA_SOURCES.contains(from)) {
      print(new Explainer(result, input.trustDomain).explainFromKthena(from, resolve(to, known, "--to"), Optional.ofNullable(port)));
      return LatticeCommand.OK;
    }
    ObjectRef caller = resolve(from, known, "--from");
    List<String> targets = new ArrayList<>(known);
    plan.externals().keySet().forEach(r -> targets.add(r.toString()));
    Optional<ObjectRef> absent = absentPeer(caller, to, targets, result);
    Explanation e = absent.isPresent()
        ? notInInput(caller, absent.get())
        : new Explainer(result, input.trustDomain).explain(caller, resolve(to, targets, "--to"), Optional.ofNullable(port));
    print(e);
    return LatticeCommand.OK;
  }

  private void print(Explanation e) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(e));
    } else {
      text(e, out);
    }
  }

  /**
   * A {@code --to} that is no document of the input but that the caller's declarations name (the
   * {@code LAT2002} warning of a partial input): explained as denied, "not in this input".
   */
  private static Optional<ObjectRef> absentPeer(ObjectRef caller, String to, List<String> targets, Compilation result) {
    ObjectRef peer = ObjectRef.parse(to, caller.namespace());
    if (targets.contains(peer.toString())) {
      return Optional.empty();
    }
    boolean declared = result.diagnostics().stream().anyMatch(d -> d.code().equals(dev.lattice.model.diagnostics.Codes.UNKNOWN_TARGET)
        && d.message().contains(" " + peer + " is not in this input"));
    return declared ? Optional.of(peer) : Optional.empty();
  }

  private Explanation notInInput(ObjectRef caller, ObjectRef peer) {
    Explanation.Layer denied = new Explanation.Layer(false, List.of());
    return new Explanation(caller.toString(), peer.toString(), Optional.ofNullable(port), denied, Optional.empty(),
        List.of(peer + " is not in this input: " + caller + " declares it, but no document of the input defines it, so "
            + "nothing allows the traffic until it is compiled with its peer and agrees (LAT2002)"));
  }

  private ObjectRef resolve(String name, List<String> known, String option) {
    if (name.contains("/")) {
      if (known.contains(name)) {
        return ObjectRef.parse(name, "");
      }
      throw new CommandLine.ParameterException(spec.commandLine(), option + " " + name + " is not in the input"
          + dev.lattice.model.diagnostics.Suggestions.didYouMean(name, known).map(s -> "; " + s).orElse(""));
    }
    List<String> matches = known.stream().filter(k -> k.endsWith("/" + name)).toList();
    if (matches.size() == 1) {
      return ObjectRef.parse(matches.get(0), "");
    }
    throw new CommandLine.ParameterException(spec.commandLine(), matches.isEmpty()
        ? option + " " + name + " is not in the input"
        : option + " " + name + " is ambiguous: " + String.join(", ", matches) + " (write namespace/name)");
  }

  private static void text(Explanation e, PrintWriter out) {
    out.println(e.from() + " -> " + e.to() + e.port().map(p -> " port " + p).orElse(" (any port)") + ": "
        + (e.allowed() ? "ALLOWED" : "DENIED"));
    out.println("  L4 (Cilium): " + word(e.l4().allowed()) + docs(e.l4().documents()));
    out.println("  L7 (Istio):  " + e.l7().map(l -> word(l.allowed()) + docs(l.documents())).orElse("does not apply"));
    out.println("  why:");
    e.reasons().forEach(r -> out.println("    - " + r));
  }

  private static String word(boolean allowed) {
    return allowed ? "allowed" : "denied";
  }

  private static String docs(List<String> docs) {
    return docs.isEmpty() ? "" : " by " + String.join(", ", docs);
  }

  static String json(Explanation e) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = mapper.createObjectNode();
    o.put("from", e.from());
    o.put("to", e.to());
    if (e.port().isPresent()) {
      o.put("port", e.port().get());
    } else {
      o.putNull("port");
    }
    layer(o.putObject("l4"), e.l4());
    if (e.l7().isPresent()) {
      layer(o.putObject("l7"), e.l7().get());
    } else {
      o.putNull("l7");
    }
    var reasons = o.putArray("reasons");
    e.reasons().forEach(reasons::add);
    return mapper.writeValueAsString(o);
  }

  private static void layer(ObjectNode node, Explanation.Layer l) {
    node.put("allowed", l.allowed());
    var docs = node.putArray("documents");
    l.documents().forEach(docs::add);
  }
}
