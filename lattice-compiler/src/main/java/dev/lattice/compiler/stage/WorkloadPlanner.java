package dev.lattice.compiler.stage;

import dev.lattice.compiler.CompilerOptions;
import dev.lattice.compiler.plan.EnvValue;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.LatticeService;
import dev.lattice.model.ObjectRef;
import dev.lattice.model.PathSyntax;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.service.ContainerSpec;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link WorkloadPlan} per service: containers with their placeholders resolved. */
final class WorkloadPlanner {
  private WorkloadPlanner() {}

  static Map<ObjectRef, WorkloadPlan> plan(ObjectIndex index, Map<ObjectRef, MemberPlan> members,
      Map<ObjectRef, ExternalPlan> externals, CompilerOptions options, Diagnostics diagnostics) {
    Map<ObjectRef, WorkloadPlan> out = new TreeMap<>();
    index.services.forEach((ref, s) -> out.put(ref, workload(ref, s, members, externals, options, diagnostics)));
    return out;
  }

  private static WorkloadPlan workload(ObjectRef ref, SourcedObject s, Map<ObjectRef, MemberPlan> members,
      Map<ObjectRef, ExternalPlan> externals, CompilerOptions options, Diagnostics diagnostics) {
    LatticeService svc = (LatticeService) s.object();
    PlaceholderResolver resolver = new PlaceholderResolver(ref, svc.spec().workload().resources(), members, externals,
        options, s.sources(), diagnostics);
    Map<String, Map<String, EnvValue>> variables = new TreeMap<>();
    Map<String, Map<String, String>> files = new TreeMap<>();
    resolve("spec.workload.containers", svc.spec().workload().containers(), resolver, variables, files);
    resolve("spec.sidecars", svc.spec().sidecars(), resolver, variables, files);
    return new WorkloadPlan(ref, svc, members.get(ref), variables, files, s);
  }

  private static void resolve(String base, Map<String, ContainerSpec> containers, PlaceholderResolver resolver,
      Map<String, Map<String, EnvValue>> variables, Map<String, Map<String, String>> files) {
    containers.forEach((name, c) -> {
      String path = PathSyntax.child(base, name);
      Map<String, EnvValue> env = new TreeMap<>();
      c.variables().forEach((k, v) -> resolver.resolveVariable(PathSyntax.child(path + ".variables", k), k, v, env));
      variables.put(name, env);
      Map<String, String> fileContents = new TreeMap<>();
      c.files().forEach((target, f) -> f.content().ifPresent(content -> fileContents.put(target,
          f.noExpand().orElse(false) ? content : resolver.resolveFile(PathSyntax.child(path + ".files", target) + ".content", content))));
      files.put(name, fileContents);
    });
  }
}
