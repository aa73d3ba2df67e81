package dev.lattice.compiler.stage;

import dev.lattice.compiler.spi.CompilerOptions;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.SecretPlan;
import dev.lattice.compiler.plan.TemplateText;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.LatticeService;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.PathSyntax;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.service.ContainerSpec;
import dev.lattice.model.service.ResourceClassSpec;
import dev.lattice.model.service.ResourceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds a {@link WorkloadPlan} per service: containers with their placeholders resolved, secrets routed. */
final class WorkloadPlanner {
  private WorkloadPlanner() {}

  static Map<ObjectRef, WorkloadPlan> plan(ObjectIndex index, Map<ObjectRef, MemberPlan> members,
      Map<ObjectRef, ExternalPlan> externals, CompilerOptions options, Diagnostics diagnostics) {
    Map<ObjectRef, WorkloadPlan> out = new TreeMap<>();
    ResourceClasses classes = ResourceClasses.of(index.resourceClasses, diagnostics);
    // services are planned independently (everything they read is built before and not changed), so
    // at once, each with its own diagnostics, joined in the order one after another would give
    List<Planned> planned = new java.util.ArrayList<>(index.services.entrySet()).parallelStream().map(e -> {
      Diagnostics found = new Diagnostics();
      return new Planned(e.getKey(), workload(e.getKey(), e.getValue(), members, externals, classes, options, found), found);
    }).toList();
    for (Planned p : planned) {
      out.put(p.ref(), p.plan());
      diagnostics.addAll(p.diagnostics().inOrder());
    }
    return out;
  }

  private record Planned(ObjectRef ref, WorkloadPlan plan, Diagnostics diagnostics) {}

  private static WorkloadPlan workload(ObjectRef ref, SourcedObject s, Map<ObjectRef, MemberPlan> members,
      Map<ObjectRef, ExternalPlan> externals, ResourceClasses classes, CompilerOptions options, Diagnostics diagnostics) {
    LatticeService svc = (LatticeService) s.object();
    PlaceholderResolver resolver = new PlaceholderResolver(ref, svc.spec().workload().resources(), members, externals,
        classes, options, s.sources(), diagnostics);
    Map<String, Map<String, TemplateText>> variables = new TreeMap<>();
    Map<String, Map<String, TemplateText>> files = new TreeMap<>();
    resolve("spec.workload.containers", svc.spec().workload().containers(), resolver, variables, files);
    resolve("spec.sidecars", svc.spec().sidecars(), resolver, variables, files);
    Map<String, SecretPlan> secrets = new TreeMap<>();
    svc.spec().workload().resources().forEach((name, r) -> {
      if (ResourceSpec.SECRET.equals(r.type())) {
        secrets.put(name, secret(ref, name, r, resolver, s, diagnostics));
      } else {
        classes.match(r).filter(c -> c.secret().isPresent())
            .flatMap(c -> classSecret(name, r, c, resolver, s, diagnostics)).ifPresent(p -> secrets.put(name, p));
      }
    });
    return new WorkloadPlan(ref, svc, members.get(ref), variables, files, secrets, s);
  }

  private static SecretPlan secret(ObjectRef ref, String name, ResourceSpec r, PlaceholderResolver resolver,
      SourcedObject s, Diagnostics diagnostics) {
    String path = PathSyntax.child("spec.workload.resources", name);
    Object provider = r.params().get("provider");
    if (provider == null) {
      diagnostics.add(Diagnostic.warning(Codes.SECRET_STORE, "secret resource '" + name + "' of " + ref
          + " names no params.provider; the ClusterSecretStore 'default' is used",
          "set params.provider to the ClusterSecretStore that holds it", s.sources().keyAt(path), s.sources().pathOf(path)));
    }
    List<String> keys = r.params().get("keys") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    return new SecretPlan(name, resolver.secretName(name), provider == null ? "default" : String.valueOf(provider),
        r.id().orElse(name), keys, Optional.ofNullable(r.params().get("refreshInterval")).map(String::valueOf),
        Optional.ofNullable(r.params().get("secretType")).map(String::valueOf));
  }

  /**
   * The secret of the class a custom resource matches, synced as a {@code secret} resource's is:
   * into {@code <service>-<resource>}, from the class's store and remote key.
   */
  private static Optional<SecretPlan> classSecret(String name, ResourceSpec r, ResourceClassSpec c,
      PlaceholderResolver resolver, SourcedObject s, Diagnostics diagnostics) {
    ResourceClassSpec.SecretSource secret = c.secret().orElseThrow();
    StringBuilder missing = new StringBuilder();
    Optional<String> remoteKey = new ClassOutputs(name, r, c, s.sources(), diagnostics).withParams(secret.id(), missing);
    if (remoteKey.isEmpty()) {
      String path = PathSyntax.child("spec.workload.resources", name);
      diagnostics.add(Diagnostic.error(Codes.UNRESOLVED_PLACEHOLDER, "the secret id of the LatticeResourceClass for " + c.key()
          + " reads params." + missing + ", which resource '" + name + "' does not set",
          "set " + path + ".params." + missing + " (or a default in the class's params)", s.sources().keyAt(path), s.sources().pathOf(path)));
      return Optional.empty();
    }
    return Optional.of(new SecretPlan(name, resolver.secretName(name), secret.provider().orElse("default"), remoteKey.get(),
        secret.keys(), secret.refreshInterval(), Optional.empty()));
  }

  private static void resolve(String base, Map<String, ContainerSpec> containers, PlaceholderResolver resolver,
      Map<String, Map<String, TemplateText>> variables, Map<String, Map<String, TemplateText>> files) {
    containers.forEach((name, c) -> {
      String path = PathSyntax.child(base, name);
      Map<String, TemplateText> env = new TreeMap<>();
      c.variables().forEach((k, v) -> env.put(k, resolver.resolve(PathSyntax.child(path + ".variables", k), v)));
      variables.put(name, env);
      Map<String, TemplateText> contents = new TreeMap<>();
      c.files().forEach((target, f) -> f.content().ifPresent(content -> contents.put(target,
          f.noExpand().orElse(false) ? TemplateText.literal(content)
              : resolver.resolve(PathSyntax.child(path + ".files", target) + ".content", content))));
      files.put(name, contents);
    });
  }
}
