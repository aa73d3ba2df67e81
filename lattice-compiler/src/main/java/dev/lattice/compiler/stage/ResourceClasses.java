package dev.lattice.compiler.stage;

import dev.lattice.model.LatticeResourceClass;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.service.ResourceClassSpec;
import dev.lattice.model.service.ResourceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code LatticeResourceClass}es of the input by {@code type/class}. A resource of a custom
 * type matches the class that names its type and class; a class that names no class answers for
 * every resource of its type that no more specific class answers for (as a Score provisioner
 * without a class matches any class: https://docs.score.dev/docs/score-implementation/score-compose/resources-provisioners/).
 * Two classes for the same type and class are an error ({@code LAT2013}) at the second.
 */
final class ResourceClasses {
  private final Map<String, ResourceClassSpec> byKey = new HashMap<>();

  private ResourceClasses() {}

  static ResourceClasses of(List<SourcedObject> classes, Diagnostics diagnostics) {
    ResourceClasses out = new ResourceClasses();
    Map<String, SourcedObject> first = new HashMap<>();
    classes.stream().sorted(java.util.Comparator.comparing(s -> s.object().metadata().name())).forEach(s -> {
      ResourceClassSpec spec = ((LatticeResourceClass) s.object()).spec();
      SourcedObject was = first.putIfAbsent(spec.key(), s);
      if (was != null) {
        diagnostics.add(Diagnostic.error(Codes.RESOURCE_CLASS_CONFLICT, "LatticeResourceClass " + s.object().metadata().name()
            + " and " + was.object().metadata().name() + " (" + was.sources().document() + ") both answer for " + spec.key(),
            "keep one class per type and class; give the other a different class", s.sources().valueAt("spec.type"), "spec.type"));
        return;
      }
      out.byKey.put(spec.key(), spec);
    });
    return out;
  }

  /** The class {@code r} (a resource of a custom type) matches, if one does. */
  Optional<ResourceClassSpec> match(ResourceSpec r) {
    return r.resourceClass().map(c -> byKey.get(r.type() + "/" + c)).or(() -> Optional.ofNullable(byKey.get(r.type())));
  }
}
