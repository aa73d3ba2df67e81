package dev.lattice.compiler.stage;

import dev.lattice.compiler.plan.TemplateText;
import dev.lattice.model.SourceMap;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.service.ResourceClassSpec;
import dev.lattice.model.service.ResourceSpec;
import dev.lattice.model.validate.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The outputs of one custom resource through the {@code LatticeResourceClass} it matches: {@code
 * ${params.<key>}} becomes the resource's param (the class's {@code params} are the defaults),
 * {@code ${secret.<key>}} a reference to that key of the Secret {@code <service>-<resource>} the
 * class's secret is synced into. An output the class does not declare, or a param neither sets, is
 * {@code LAT2007} at the service's placeholder.
 */
final class ClassOutputs {
  private final String name;
  private final ResourceSpec resource;
  private final ResourceClassSpec cls;
  private final SourceMap sources;
  private final Diagnostics diagnostics;

  ClassOutputs(String name, ResourceSpec resource, ResourceClassSpec cls, SourceMap sources, Diagnostics diagnostics) {
    this.name = name;
    this.resource = resource;
    this.cls = cls;
    this.sources = sources;
    this.diagnostics = diagnostics;
  }

  /** The parts {@code ${resources.<name>.<field>}} (written {@code text} at {@code path}) resolves to. */
  Optional<List<TemplateText.Part>> output(String path, String text, String field) {
    String output = cls.outputs().get(field);
    if (output == null) {
      error(path, "cannot resolve " + text + ": the LatticeResourceClass for " + cls.key() + " declares no output '" + field + "'",
          "its outputs: " + String.join(", ", new java.util.TreeSet<>(cls.outputs().keySet())));
      return Optional.empty();
    }
    List<TemplateText.Part> parts = new ArrayList<>();
    int at = 0;
    Matcher m = Placeholders.matcher(output);
    while (m.find()) {
      parts.add(new TemplateText.Literal(output.substring(at, m.start())));
      at = m.end();
      Placeholders.Placeholder p = Placeholders.of(m);
      if (!m.group(1).isEmpty()) {
        parts.add(new TemplateText.Literal(m.group(0).substring(1)));
      } else if (p.parts().size() != 2) {
        parts.add(new TemplateText.Literal(m.group(0))); // reported by the class's validator
      } else if (p.root().equals("secret")) {
        parts.add(new TemplateText.SecretRef(name, p.parts().get(1)));
      } else {
        Optional<String> value = param(p.parts().get(1));
        if (value.isEmpty()) {
          error(path, "cannot resolve " + text + ": output '" + field + "' of the LatticeResourceClass for " + cls.key()
              + " reads params." + p.parts().get(1) + ", which resource '" + name + "' does not set",
              "set spec.workload.resources." + name + ".params." + p.parts().get(1) + " (or a default in the class's params)");
          return Optional.empty();
        }
        parts.add(new TemplateText.Literal(value.get()));
      }
    }
    parts.add(new TemplateText.Literal(output.substring(at)));
    return Optional.of(parts);
  }

  /**
   * {@code text} with its {@code ${params.<key>}} filled in (the class's secret id), or empty with
   * the first key neither the resource nor the class sets in {@code missing}.
   */
  Optional<String> withParams(String text, StringBuilder missing) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    Matcher m = Placeholders.matcher(text);
    while (m.find()) {
      out.append(text, at, m.start());
      at = m.end();
      if (!m.group(1).isEmpty()) {
        out.append(m.group(0).substring(1));
        continue;
      }
      List<String> dotted = Placeholders.of(m).parts();
      if (dotted.size() != 2) {
        out.append(m.group(0)); // reported by the class's validator
        continue;
      }
      String key = dotted.get(1);
      Optional<String> value = param(key);
      if (value.isEmpty()) {
        missing.append(key);
        return Optional.empty();
      }
      out.append(value.get());
    }
    return Optional.of(out.append(text.substring(at)).toString());
  }

  private Optional<String> param(String key) {
    Object v = resource.params().containsKey(key) ? resource.params().get(key) : cls.params().get(key);
    return Optional.ofNullable(v).map(String::valueOf);
  }

  private void error(String path, String message, String hint) {
    diagnostics.add(Diagnostic.error(Codes.UNRESOLVED_PLACEHOLDER, message, hint, sources.valueAt(path), sources.pathOf(path)));
  }
}
