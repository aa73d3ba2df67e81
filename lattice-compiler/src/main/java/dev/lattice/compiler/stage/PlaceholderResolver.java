package dev.lattice.compiler.stage;

import dev.lattice.compiler.spi.CompilerOptions;
import dev.lattice.document.ObjectNames;
import dev.lattice.compiler.plan.TemplateText;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.PortPlan;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourceMap;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.mesh.Endpoint;
import dev.lattice.model.service.ResourceClassSpec;
import dev.lattice.model.service.ResourceSpec;
import dev.lattice.model.validate.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Resolves {@code ${resources.<name>.<field>}} against what the resource names: a service
 * ({@code host}, {@code port}, {@code url}, {@code name}, {@code namespace}), an external service
 * (the first endpoint's {@code host}, {@code port}, {@code url}), a custom type's outputs as its
 * {@code LatticeResourceClass} declares them (else its {@code params}). {@code ${secret.<resource>.<key>}} becomes a secret reference that the emitters route
 * through the External Secrets Operator; no secret value is ever known here.
 */
final class PlaceholderResolver {
  private final ObjectRef self;
  private final Map<String, ResourceSpec> resources;
  private final Map<ObjectRef, MemberPlan> members;
  private final Map<ObjectRef, ExternalPlan> externals;
  private final ResourceClasses classes;
  private final CompilerOptions options;
  private final SourceMap sources;
  private final Diagnostics diagnostics;

  PlaceholderResolver(ObjectRef self, Map<String, ResourceSpec> resources, Map<ObjectRef, MemberPlan> members,
      Map<ObjectRef, ExternalPlan> externals, ResourceClasses classes, CompilerOptions options, SourceMap sources,
      Diagnostics diagnostics) {
    this.self = self;
    this.classes = classes;
    this.resources = resources;
    this.members = members;
    this.externals = externals;
    this.options = options;
    this.sources = sources;
    this.diagnostics = diagnostics;
  }

  /** The Kubernetes Secret a secret resource is synced into: {@code <service>-<resource>}. */
  String secretName(String resource) {
    return ObjectNames.derived(self.name(), resource);
  }

  /**
   * Resolves a variable's value or a file's content: {@code ${resources...}} become literal text,
   * {@code ${secret.<resource>.<key>}} become secret references, {@code $${...}} the literal
   * {@code ${...}}.
   */
  TemplateText resolve(String path, String text) {
    List<TemplateText.Part> parts = new ArrayList<>();
    int at = 0;
    Matcher m = Placeholders.matcher(text);
    while (m.find()) {
      parts.add(new TemplateText.Literal(text.substring(at, m.start())));
      at = m.end();
      if (!m.group(1).isEmpty()) {
        parts.add(new TemplateText.Literal(m.group(0).substring(1)));
        continue;
      }
      Placeholders.Placeholder p = Placeholders.of(m);
      if (p.root().equals("secret") && p.parts().size() == 3 && resources.containsKey(p.parts().get(1))) {
        parts.add(new TemplateText.SecretRef(p.parts().get(1), p.parts().get(2)));
      } else {
        parts.addAll(resolve(path, p).orElse(List.of(new TemplateText.Literal(m.group(0)))));
      }
    }
    parts.add(new TemplateText.Literal(text.substring(at)));
    return new TemplateText(parts);
  }

  private Optional<List<TemplateText.Part>> resolve(String path, Placeholders.Placeholder p) {
    if (!p.root().equals("resources") || p.parts().size() < 2 || !resources.containsKey(p.parts().get(1))) {
      return Optional.empty(); // not ours, or already reported by the document validator
    }
    String name = p.parts().get(1);
    String field = p.parts().size() > 2 ? String.join(".", p.parts().subList(2, p.parts().size())) : "";
    ResourceSpec r = resources.get(name);
    if (!isBuiltIn(r.type())) {
      Optional<ResourceClassSpec> cls = classes.match(r);
      if (cls.isPresent()) {
        return new ClassOutputs(name, r, cls.get(), sources, diagnostics).output(path, p.text(), field);
      }
    }
    ObjectRef target = r.target(self.namespace(), name);
    Optional<String> value = switch (r.type()) {
      case ResourceSpec.SERVICE -> serviceField(target, field);
      case ResourceSpec.EXTERNAL_SERVICE -> externalField(r, name, target, field);
      default -> Optional.ofNullable(r.params().get(field)).map(String::valueOf);
    };
    if (value.isEmpty()) {
      boolean custom = !isBuiltIn(r.type());
      diagnostics.add(Diagnostic.error(Codes.UNRESOLVED_PLACEHOLDER, "cannot resolve " + p.text() + ": resource '" + name
          + "' of type " + r.type() + r.resourceClass().map(c -> " (class " + c + ")").orElse("") + " has no value '" + field + "'"
          + (custom ? "; no LatticeResourceClass declares " + r.type() + r.resourceClass().map(c -> " class " + c).orElse(" without a class")
              : members.containsKey(target) || !r.isService() ? "" : " (" + target + " is not in the input)"),
          r.isService() ? "use host, port, url, name or namespace"
              : r.type().equals(ResourceSpec.EXTERNAL_SERVICE) ? "use host, port or url"
              : custom ? customHint(name, r, field)
              : "a " + r.type() + " resource provides only its params: set params." + (field.isEmpty() ? "<field>" : field),
          sources.valueAt(path), sources.pathOf(path)));
    }
    return value.map(v -> List.of(new TemplateText.Literal(v)));
  }

  private static boolean isBuiltIn(String type) {
    return switch (type) {
      case ResourceSpec.SERVICE, ResourceSpec.EXTERNAL_SERVICE, ResourceSpec.SECRET, ResourceSpec.VOLUME, ResourceSpec.GPU -> true;
      default -> false;
    };
  }

  /**
   * A custom type ({@code postgres}, {@code redis}, …) provides what a {@code LatticeResourceClass}
   * of its type and class declares, else only its {@code params}: the hint shows both declarations.
   */
  private static String customHint(String name, ResourceSpec r, String field) {
    String out = field.isEmpty() ? "url" : field;
    String cls = r.resourceClass().map(c -> "\n    class: " + c).orElse("");
    return "declare what a " + r.type() + " resource" + r.resourceClass().map(c -> " of class " + c).orElse("")
        + " provides with a LatticeResourceClass (cluster-scoped):\n"
        + "  apiVersion: lattice.dev/v1alpha1\n  kind: LatticeResourceClass\n"
        + "  metadata:\n    name: " + r.type() + r.resourceClass().map(c -> "-" + c).orElse("") + "\n"
        + "  spec:\n    type: " + r.type() + cls + "\n"
        + "    secret: {provider: <ClusterSecretStore>, id: <remote key>}\n"
        + "    outputs:\n      " + out + ": \"...${params.<key>}...${secret.<key>}...\"\n"
        + "or set it on the resource: " + name + ": {type: " + r.type() + r.resourceClass().map(c -> ", class: " + c).orElse("")
        + ", params: {" + out + ": ...}}";
  }

  private Optional<String> serviceField(ObjectRef target, String field) {
    String host = target.name() + "." + target.namespace() + ".svc." + options.clusterDomain();
    Optional<Integer> port = Optional.ofNullable(members.get(target)).flatMap(PlaceholderResolver::primaryPort);
    return switch (field) {
      case "host" -> Optional.of(host);
      case "name" -> Optional.of(target.name());
      case "namespace" -> Optional.of(target.namespace());
      case "port" -> port.map(String::valueOf);
      case "url" -> port.map(x -> "http://" + host + ":" + x);
      default -> Optional.empty();
    };
  }

  private Optional<String> externalField(ResourceSpec r, String name, ObjectRef target, String field) {
    ExternalPlan plan = externals.get(ObjectRef.of(self.namespace(), self.name() + "-" + name));
    if (plan == null) {
      plan = externals.get(target);
    }
    Optional<Endpoint> first = Optional.ofNullable(plan).flatMap(x -> x.endpoints().values().stream().findFirst());
    return switch (field) {
      case "host" -> first.map(Endpoint::host);
      case "port" -> first.map(e -> String.valueOf(e.port()));
      case "url" -> first.map(e -> e.scheme().orElse("https") + "://" + e.host() + ":" + e.port());
      default -> Optional.empty();
    };
  }

  /** The port named {@code http}, else the first port by name. */
  private static Optional<Integer> primaryPort(MemberPlan m) {
    return m.ports().stream().filter(p -> p.name().equals("http")).findFirst().or(() -> m.ports().stream().findFirst())
        .map(PortPlan::port);
  }
}
