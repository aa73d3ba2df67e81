package dev.lattice.model.validate;

import dev.lattice.model.LatticeResourceClass;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.service.ResourceClassSpec;
import dev.lattice.model.service.ResourceSpec;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Single-document checks of a {@code LatticeResourceClass}: a custom DNS-label type (the built-in
 * types resolve their own outputs), a DNS-label class, at least one output, output names a
 * placeholder can spell, and output texts that use only {@code ${params.<key>}} and {@code
 * ${secret.<key>}} (the latter only with a {@code secret}, and only a key it lists when it lists
 * keys). Which class a resource matches, and duplicates, are the compiler's.
 */
final class ResourceClassValidator {
  /** Types whose outputs Lattice itself provides. */
  static final Set<String> BUILT_IN = Set.of(ResourceSpec.SERVICE, ResourceSpec.EXTERNAL_SERVICE, ResourceSpec.SECRET,
      ResourceSpec.VOLUME, ResourceSpec.GPU);
  private static final Pattern OUTPUT = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private ResourceClassValidator() {}

  static void validate(Findings f, LatticeResourceClass c) {
    ResourceClassSpec spec = c.spec();
    if (BUILT_IN.contains(spec.type())) {
      f.error(Codes.INVALID_VALUE, "spec.type", "type '" + spec.type() + "' is built in: Lattice provides its outputs",
          "a resource class declares a custom type such as postgres or redis");
    } else {
      KubernetesNames.label(spec.type()).ifPresent(why ->
          f.error(Codes.INVALID_NAME, "spec.type", "invalid resource type '" + spec.type() + "': " + why, null));
    }
    spec.resourceClass().ifPresent(cls -> KubernetesNames.label(cls).ifPresent(why ->
        f.error(Codes.INVALID_NAME, "spec.class", "invalid class '" + cls + "': " + why, null)));
    if (spec.outputs().isEmpty()) {
      f.error(Codes.MISSING_FIELD, "spec", "a resource class declares at least one output",
          "add outputs: {url: \"...\"} (what ${resources.<name>.url} resolves to)");
    }
    spec.outputs().forEach((name, text) -> {
      String path = Findings.child("spec.outputs", name);
      if (!OUTPUT.matcher(name).matches()) {
        f.errorAtKey(Codes.INVALID_NAME, path, "invalid output name '" + name + "'",
            "an output name is letters, digits, '_' and '-', starting with a letter or '_'");
      }
      placeholders(f, path, text, spec.secret().orElse(null), true);
    });
    spec.secret().ifPresent(s -> {
      placeholders(f, "spec.secret.id", s.id(), s, false);
      if (s.provider().isEmpty()) {
        f.warning(Codes.SECRET_STORE, "spec.secret", "resource class " + spec.key()
            + " names no secret.provider; the ClusterSecretStore 'default' is used",
            "set secret.provider to the ClusterSecretStore that holds it");
      }
    });
  }

  private static void placeholders(Findings f, String path, String text, ResourceClassSpec.SecretSource secret,
      boolean secretsAllowed) {
    for (Placeholders.Placeholder p : Placeholders.find(text)) {
      boolean shaped = p.parts().size() == 2 && !p.parts().get(1).isEmpty();
      if (p.root().equals("params") && shaped) {
        continue;
      }
      if (p.root().equals("secret") && shaped && secretsAllowed) {
        if (secret == null) {
          f.error(Codes.PLACEHOLDER, path, p.text() + " reads a secret, but this class declares none",
              "add secret: {provider: <ClusterSecretStore>, id: <remote key>}");
        } else if (!secret.keys().isEmpty() && !secret.keys().contains(p.parts().get(1))) {
          f.error(Codes.PLACEHOLDER, path, p.text() + " names key '" + p.parts().get(1) + "' that the class's secret does not list",
              "add " + p.parts().get(1) + " to spec.secret.keys");
        }
        continue;
      }
      f.error(Codes.PLACEHOLDER, path, "placeholder " + p.text() + " is not one a resource class can fill",
          secretsAllowed ? "use ${params.<key>} (the resource's params) or ${secret.<key>} (a key of spec.secret)"
              : "use ${params.<key>} (the resource's params)");
    }
  }
}
