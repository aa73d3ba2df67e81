package dev.lattice.model.read;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.diagnostics.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the seed README's flat {@code LatticeService} form into the canonical one before binding:
 * {@code spec.containers|service|resources} move under {@code spec.workload}, and {@code replicas:
 * {min, max}} becomes {@code replicas: min} plus {@code autoscaling.max}. Each rewritten document
 * gets one warning naming the canonical spelling. The older snake_case spelling of field names is
 * handled by {@link RecordBinder}; values spelled in snake_case ({@code external_service}) are
 * rewritten here.
 */
final class FormNormalizer {
  private static final List<String> FLAT_KEYS = List.of("containers", "service", "resources");

  private final Diagnostics diagnostics;

  FormNormalizer(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Returns the spec to bind: the given one, or a rewritten copy. */
  Node.MapNode normalizeServiceSpec(Node.MapNode spec, boolean snakeCase) {
    Map<String, Node.Entry> in = spec.entries();
    if (!snakeCase && (in.containsKey("workload") || FLAT_KEYS.stream().noneMatch(in::containsKey))
        && !(spec.get("replicas") instanceof Node.MapNode)) {
      return spec; // the canonical form: nothing to rewrite
    }
    LinkedHashMap<String, Node.Entry> out = new LinkedHashMap<>(in);
    List<String> moved = new ArrayList<>();
    if (!out.containsKey("workload") && FLAT_KEYS.stream().anyMatch(out::containsKey)) {
      LinkedHashMap<String, Node.Entry> workload = new LinkedHashMap<>();
      SourcePosition at = null;
      for (String k : FLAT_KEYS) {
        Node.Entry e = out.remove(k);
        if (e != null) {
          workload.put(k, e);
          moved.add("spec." + k + " → spec.workload." + k);
          at = at == null ? e.keyPosition() : at;
        }
      }
      out.put("workload", new Node.Entry("workload", at, new Node.MapNode(at, workload)));
    }
    Node.Entry replicas = out.get("replicas");
    if (replicas != null && replicas.value() instanceof Node.MapNode bounds) {
      rewriteReplicas(out, replicas, bounds);
      moved.add("replicas: {min, max} → replicas: <min> + autoscaling: {max: <max>}");
    }
    if (snakeCase) {
      rewriteSnakeTypes(out.get("workload"));
    }
    if (!moved.isEmpty()) {
      diagnostics.add(Diagnostic.warning(Codes.FLAT_FORM,
          "flat LatticeService form; read as the canonical form",
          "canonical spelling: " + String.join("; ", moved), spec.position(), "spec"));
    }
    return new Node.MapNode(spec.position(), out);
  }

  private static void rewriteReplicas(LinkedHashMap<String, Node.Entry> out, Node.Entry replicas, Node.MapNode bounds) {
    Node min = bounds.get("min");
    Node max = bounds.get("max");
    LinkedHashMap<String, Node.Entry> rest = new LinkedHashMap<>(bounds.entries());
    rest.remove("min");
    rest.remove("max");
    // keep unknown keys where the binder will report them
    Node minValue = min != null ? min
        : rest.isEmpty() ? new Node.ScalarNode(bounds.position(), "1", Node.ScalarType.INT) : new Node.MapNode(bounds.position(), rest);
    out.put("replicas", new Node.Entry("replicas", replicas.keyPosition(), minValue));
    if (max != null && !out.containsKey("autoscaling")) {
      LinkedHashMap<String, Node.Entry> autoscaling = new LinkedHashMap<>();
      autoscaling.put("max", new Node.Entry("max", bounds.entries().get("max").keyPosition(), max));
      out.put("autoscaling", new Node.Entry("autoscaling", replicas.keyPosition(),
          new Node.MapNode(bounds.position(), autoscaling)));
    }
  }

  private static void rewriteSnakeTypes(Node.Entry workload) {
    if (workload == null || !(workload.value() instanceof Node.MapNode w)) {
      return;
    }
    Node resources = w.get("resources");
    if (!(resources instanceof Node.MapNode rs)) {
      return;
    }
    for (Node.Entry r : rs.entries().values()) {
      if (r.value() instanceof Node.MapNode res
          && res.get("type") instanceof Node.ScalarNode t && t.text().contains("_")) {
        Node.Entry old = res.entries().get("type");
        res.entries().put("type", new Node.Entry("type", old.keyPosition(),
            new Node.ScalarNode(t.position(), t.text().replace('_', '-'), t.type())));
      }
    }
  }
}
