package dev.lattice.compiler.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: CedarPolicy documents as YAML, read by the real reader (so positions are real). */
final class Policies {
  private Policies() {}

  /** A CedarPolicy document {@code lattice-system/<name>} with {@code text} as its block scalar. */
  static String document(String name, String text) {
    return document(name, text, 0, true);
  }

  static String document(String name, String text, int priority, boolean enabled) {
    StringBuilder y = new StringBuilder()
        .append("apiVersion: lattice.dev/v1alpha1\nkind: CedarPolicy\nmetadata:\n  name: ").append(name)
        .append("\n  namespace: lattice-system\nspec:\n  priority: ").append(priority)
        .append("\n  enabled: ").append(enabled).append("\n  policies: |\n");
    for (String line : text.split("\n", -1)) {
      y.append(line.isEmpty() ? "" : "    " + line).append('\n');
    }
    return y.toString();
  }

  static List<SourcedObject> read(String file, String... documents) {
    ReadResult r = new LatticeReader().readString(file, String.join("---\n", documents));
    assertThat(r.diagnostics()).isEmpty();
    return new ArrayList<>(r.objects());
  }

  /** An engine over the documents that must load without any diagnostic. */
  static CedarEngine engine(String... documents) {
    Diagnostics d = new Diagnostics();
    CedarEngine e = CedarEngine.from(read("policies.yaml", documents), d);
    assertThat(d.sorted()).isEmpty();
    return e;
  }

  static GateRequest ask(String service, Gate gate, String resource) {
    String[] nsName = service.split("/", 2);
    return GateRequest.of(nsName[0], nsName[1], "LatticeService", gate, resource);
  }

  static String permit(String service, Gate gate, String resource) {
    return rule("permit", service, gate, resource);
  }

  static String forbid(String service, Gate gate, String resource) {
    return rule("forbid", service, gate, resource);
  }

  private static String rule(String effect, String service, Gate gate, String resource) {
    return effect + "(\n  principal == Lattice::Service::\"" + service + "\",\n  action == Lattice::Action::\""
        + gate.cedarAction() + "\",\n  resource == " + gate.resourceType() + "::\"" + resource + "\"\n);";
  }
}
