package dev.lattice.model.validate;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Suggestions;
import dev.lattice.model.service.ResourceSpec;
import java.util.List;
import java.util.Map;

/** Checks that placeholders in a service's text name resources it declares. */
final class PlaceholderCheck {
  private final Findings f;
  private final Map<String, ResourceSpec> resources;

  PlaceholderCheck(Findings f, Map<String, ResourceSpec> resources) {
    this.f = f;
    this.resources = resources;
  }

  void check(String path, String text) {
    for (Placeholders.Placeholder p : Placeholders.find(text)) {
      List<String> parts = p.parts();
      if (p.root().equals("resources")) {
        if (parts.size() < 2 || parts.get(1).isEmpty()) {
          f.error(Codes.PLACEHOLDER, path, "placeholder " + p.text() + " names no resource", "write ${resources.<name>.<field>}");
        } else {
          known(path, p.text(), parts.get(1));
        }
      } else if (p.root().equals("secret")) {
        if (parts.size() != 3 || parts.get(1).isEmpty() || parts.get(2).isEmpty()) {
          f.error(Codes.PLACEHOLDER, path, "placeholder " + p.text() + " must be ${secret.<resource>.<key>}", null);
        } else if (known(path, p.text(), parts.get(1))) {
          secret(path, p.text(), parts.get(1), parts.get(2));
        }
      }
    }
  }

  /** A volume source must be {@code ${resources.<volume>}}. */
  void checkVolumeSource(String path, String source) {
    List<Placeholders.Placeholder> found = Placeholders.find(source);
    if (found.size() != 1 || !found.get(0).text().equals(source.strip()) || !found.get(0).root().equals("resources")
        || found.get(0).parts().size() != 2) {
      f.error(Codes.PLACEHOLDER, path, "volume source '" + source + "' must be ${resources.<volume>}", null);
      return;
    }
    String name = found.get(0).parts().get(1);
    if (known(path, source, name) && !ResourceSpec.VOLUME.equals(resources.get(name).type())) {
      f.error(Codes.PLACEHOLDER, path, "volume source " + source + " names a resource of type '"
          + resources.get(name).type() + "', not a volume", "declare " + name + " with type: volume");
    }
  }

  private boolean known(String path, String text, String name) {
    if (resources.containsKey(name)) {
      return true;
    }
    f.error(Codes.PLACEHOLDER, path, "placeholder " + text + " names no declared resource '" + name + "'",
        Suggestions.didYouMean(name, resources.keySet()).orElse("declare it under spec.workload.resources." + name));
    return false;
  }

  private void secret(String path, String text, String name, String key) {
    ResourceSpec r = resources.get(name);
    if (!ResourceSpec.SECRET.equals(r.type())) {
      f.error(Codes.PLACEHOLDER, path, text + " names resource '" + name + "' of type '" + r.type() + "', not a secret", null);
      return;
    }
    if (r.params().get("keys") instanceof List<?> keys && !keys.isEmpty() && !keys.contains(key)) {
      f.error(Codes.PLACEHOLDER, path, text + " names key '" + key + "' that secret '" + name + "' does not list",
          "add " + key + " to spec.workload.resources." + name + ".params.keys");
    }
  }
}
