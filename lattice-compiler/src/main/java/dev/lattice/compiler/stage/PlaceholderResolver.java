package dev.lattice.compiler.stage;

import dev.lattice.compiler.CompilerOptions;
import dev.lattice.compiler.plan.EnvValue;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.PortPlan;
import dev.lattice.model.ObjectRef;
import dev.lattice.model.SourceMap;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.mesh.Endpoint;
import dev.lattice.model.service.ResourceSpec;
import dev.lattice.model.validate.Placeholders;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code ${resources.<name>.<field>}} against what the resource names: a service
 * ({@code host}, {@code port}, {@code url}, {@code name}, {@code namespace}), an external service
 * (the first endpoint's {@code host}, {@code port}, {@code url}), or any other type's {@code
 * params}. {@code ${secret.<resource>.<key>}} becomes a Secret key reference: a whole-value
 * variable reads the key directly; text around it reads a helper variable through Kubernetes'
 * {@code $(NAME)} expansion.
 */
final class PlaceholderResolver {
  private final ObjectRef self;
  private final Map<String, ResourceSpec> resources;
  private final Map<ObjectRef, MemberPlan> members;
  private final Map<ObjectRef, ExternalPlan> externals;
  private final CompilerOptions options;
  private final SourceMap sources;
  private final Diagnostics diagnostics;

  PlaceholderResolver(ObjectRef self, Map<String, ResourceSpec> resources, Map<ObjectRef, MemberPlan> members,
      Map<ObjectRef, ExternalPlan> externals, CompilerOptions options, SourceMap sources, Diagnostics diagnostics) {
    this.self = self;
    this.resources = resources;
    this.members = members;
    this.externals = externals;
    this.options = options;
    this.sources = sources;
    this.diagnostics = diagnostics;
  }

  /** The name of the helper variable that carries a secret key into surrounding text. */
  static String helperVariable(String resource, String key) {
    return ("LATTICE_SECRET_" + resource + "_" + key).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  /** The Kubernetes Secret a secret resource refers to: its id's name part, or its key. */
  String secretName(String resource) {
    ResourceSpec r = resources.get(resource);
    return r.target(self.namespace(), resource).name();
  }

  /**
   * Resolves one variable into {@code out} (helper variables for embedded secrets are added too).
   */
  void resolveVariable(String path, String name, String value, Map<String, EnvValue> out) {
    var found = Placeholders.find(value);
    if (found.size() == 1 && found.get(0).text().equals(value) && found.get(0).root().equals("secret")
        && found.get(0).parts().size() == 3) {
      out.put(name, EnvValue.secret(secretName(found.get(0).parts().get(1)), found.get(0).parts().get(2)));
      return;
    }
    String text = value;
    for (Placeholders.Placeholder p : found) {
      Optional<String> replacement;
      if (p.root().equals("secret") && p.parts().size() == 3 && resources.containsKey(p.parts().get(1))) {
        String helper = helperVariable(p.parts().get(1), p.parts().get(2));
        out.put(helper, EnvValue.secret(secretName(p.parts().get(1)), p.parts().get(2)));
        replacement = Optional.of("$(" + helper + ")");
      } else {
        replacement = resolve(path, p);
      }
      if (replacement.isPresent()) {
        text = text.replace(p.text(), replacement.get());
      }
    }
    out.put(name, EnvValue.text(text.replace("$${", "${")));
  }

  /** Resolves a file's content; secret placeholders stay verbatim with a warning. */
  String resolveFile(String path, String content) {
    String text = content;
    for (Placeholders.Placeholder p : Placeholders.find(content)) {
      if (p.root().equals("secret")) {
        diagnostics.add(Diagnostic.warning(Codes.UNSUPPORTED_PLACEHOLDER,
            "secret placeholder " + p.text() + " in file content is not resolved in this version; the file keeps it verbatim",
            "read the secret from an environment variable instead", sources.valueAt(path), path));
        continue;
      }
      Optional<String> r = resolve(path, p);
      if (r.isPresent()) {
        text = text.replace(p.text(), r.get());
      }
    }
    return text.replace("$${", "${");
  }

  private Optional<String> resolve(String path, Placeholders.Placeholder p) {
    if (!p.root().equals("resources") || p.parts().size() < 2 || !resources.containsKey(p.parts().get(1))) {
      return Optional.empty(); // not ours, or already reported by the document validator
    }
    String name = p.parts().get(1);
    String field = p.parts().size() > 2 ? String.join(".", p.parts().subList(2, p.parts().size())) : "";
    ResourceSpec r = resources.get(name);
    ObjectRef target = r.target(self.namespace(), name);
    Optional<String> value = switch (r.type()) {
      case ResourceSpec.SERVICE -> serviceField(target, field);
      case ResourceSpec.EXTERNAL_SERVICE -> externalField(r, name, target, field);
      default -> Optional.ofNullable(r.params().get(field)).map(String::valueOf);
    };
    if (value.isEmpty()) {
      diagnostics.add(Diagnostic.error(Codes.UNRESOLVED_PLACEHOLDER, "cannot resolve " + p.text() + ": resource '" + name
          + "' of type " + r.type() + " has no value '" + field + "'" + (members.containsKey(target) || !r.isService() ? "" : " (" + target + " is not in the input)"),
          r.isService() ? "use host, port, url, name or namespace" : "use host, port or url, or add the value under params",
          sources.valueAt(path), path));
    }
    return value;
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
