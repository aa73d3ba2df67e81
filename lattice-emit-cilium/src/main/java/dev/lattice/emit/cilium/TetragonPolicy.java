package dev.lattice.emit.cilium;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.document.ObjectNames;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.service.ContainerSpec;
import dev.lattice.model.service.ProbeSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The binary allow-list of a service as a Tetragon {@code TracingPolicyNamespaced} ({@code
 * cilium.io/v1alpha1}) named {@code <service>-binaries}: a kprobe on {@code security_bprm_check}
 * that kills ({@code Sigkill}) any exec in the service's pods whose path is not allowed. Allowed:
 * each container's {@code command[0]}, each exec probe's {@code command[0]} and {@code
 * security.allowedBinaries}, plus the programs a {@code sh -c} script of a probe or command runs
 * ({@link ExecPaths}: refused with {@code LAT2010} when they cannot be named). Absolute paths match
 * exactly, in both merged-/usr spellings ({@code /bin/x} and {@code /usr/bin/x}), because the hook
 * sees the resolved path; a bare name ({@code node}) matches any path ending in {@code /node}, since
 * the image's PATH is unknown here. A {@code #!} script runs its interpreter through the same hook:
 * list the interpreter in {@code security.allowedBinaries}. No policy is emitted
 * when {@code "*"} is allowed, or (with a warning) when a container has no {@code command}: its
 * entrypoint is in the image and unknown to the compiler.
 */
final class TetragonPolicy {
  static final String API_VERSION = "cilium.io/v1alpha1";
  static final String KIND = "TracingPolicyNamespaced";

  private TetragonPolicy() {}

  static Optional<Document> of(WorkloadPlan w, EmitContext context) {
    return of(w, context, Set.of());
  }

  /** The allow-list of {@code w}, with {@code extra} binaries its pods run beyond its containers' (an init container's). */
  static Optional<Document> of(WorkloadPlan w, EmitContext context, Set<String> extra) {
    Map<String, ContainerSpec> containers = new java.util.TreeMap<>(w.service().spec().workload().containers());
    containers.putAll(w.service().spec().sidecars());
    SortedSet<String> allowed = new TreeSet<>();
    for (Map.Entry<String, ContainerSpec> e : containers.entrySet()) {
      ContainerSpec c = e.getValue();
      if (c.security().map(s -> s.allowedBinaries().contains("*")).orElse(false)) {
        return Optional.empty();
      }
      if (c.command().isEmpty()) {
        context.report(Diagnostic.warning(Codes.NO_BINARY_ALLOW_LIST,
            "no binary allow-list for " + w.ref() + ": container '" + e.getKey() + "' has no command, so its entrypoint is unknown",
            "set command: [/path/to/binary, ...] or allow binaries with security.allowedBinaries",
            w.source().sources().valueAt("spec.workload.containers." + e.getKey()), w.source().sources().pathOf("spec.workload.containers." + e.getKey())));
        return Optional.empty();
      }
      String at = "spec.workload.containers." + e.getKey();
      List<List<String>> runs = new java.util.ArrayList<>();
      runs.add(c.command());
      for (Optional<ProbeSpec> probe : List.of(c.livenessProbe(), c.readinessProbe(), c.startupProbe())) {
        probe.flatMap(ProbeSpec::exec).map(ProbeSpec.Exec::command).filter(x -> !x.isEmpty()).ifPresent(runs::add);
      }
      for (List<String> run : runs) {
        allowed.add(run.get(0));
        if (ExecPaths.isShellScript(run)) {
          Optional<List<String>> programs = ExecPaths.shellCommands(run.get(2));
          if (programs.isEmpty()) {
            context.report(Diagnostic.warning(Codes.NO_BINARY_ALLOW_LIST,
                "no binary allow-list for " + w.ref() + ": the shell script '" + run.get(2) + "' of container '" + e.getKey()
                    + "' runs programs the compiler cannot name (an expansion or substitution in command position)",
                "list its programs in security.allowedBinaries and write them plainly, or exec a binary directly",
                w.source().sources().valueAt(at), w.source().sources().pathOf(at)));
            return Optional.empty();
          }
          allowed.addAll(programs.get());
        }
      }
      c.security().ifPresent(s -> allowed.addAll(s.allowedBinaries()));
    }
    allowed.addAll(extra);
    SortedSet<String> resolved = new TreeSet<>();
    allowed.forEach(b -> resolved.addAll(b.startsWith("/") ? ExecPaths.spellings(b) : Set.of(b)));
    allowed.clear();
    allowed.addAll(resolved);
    if (allowed.isEmpty()) {
      return Optional.empty();
    }
    String name = ObjectNames.derived(w.ref().name(), "binaries");
    return Optional.of(Json.document(API_VERSION, KIND, Optional.of(w.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, ObjectNames.bounded(w.ref().name())), body -> {
          ObjectNode spec = body.putObject("spec");
          ObjectNode probe = spec.putArray("kprobes").addObject();
          probe.putArray("args").addObject().put("index", 0).put("type", "linux_binprm");
          probe.put("call", "security_bprm_check");
          ObjectNode selector = probe.putArray("selectors").addObject();
          selector.putArray("matchActions").addObject().put("action", "Sigkill");
          ArrayNode matchArgs = selector.putArray("matchArgs");
          List<String> absolute = allowed.stream().filter(b -> b.startsWith("/")).toList();
          List<String> bare = allowed.stream().filter(b -> !b.startsWith("/")).map(b -> "/" + b).toList();
          if (!absolute.isEmpty()) {
            matchArgs.addObject().put("index", 0).put("operator", "NotEqual").set("values", strings(absolute));
          }
          if (!bare.isEmpty()) {
            matchArgs.addObject().put("index", 0).put("operator", "NotPostfix").set("values", strings(bare));
          }
          probe.put("syscall", false);
          spec.putObject("podSelector").set("matchLabels", Json.sortedMap(w.member().selector()));
        }));
  }

  private static ArrayNode strings(Collection<String> values) {
    return Json.strings(List.copyOf(values));
  }
}
