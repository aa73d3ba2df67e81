package dev.lattice.runtime.fleet;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.read.ReadResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compiles the whole fleet so that one bad object cannot stop the rest. The compiler gives no
 * documents when any input has an error, so an object whose read or compile errors name it is held
 * back and its last spec that compiled ({@code last good}) is compiled in its place — its peers'
 * policies stay as they were — or, with no last good spec, it is left out. The last good spec is also
 * kept in the object's status ({@code lastAppliedSpec}, written by the status report), so a
 * restarted controller starts from it. This repeats until the
 * fleet compiles or an error names no object (then the whole result fails and nothing is applied).
 * Compiles through an {@link dev.lattice.compiler.incremental.IncrementalCompiler}, so a pass after a few
 * objects changed derives only what they can affect (the output is the full compile's).
 * Not thread-safe: the engine runs one pass at a time.
 */
public final class FleetCompiler {
  private static final int MAX_ROUNDS = 5;
  private final dev.lattice.compiler.incremental.IncrementalCompiler compiler;
  private final Map<ObjectKey, SourcedObject> lastGood = new HashMap<>();

  public FleetCompiler(LatticeCompiler compiler) {
    this.compiler = new dev.lattice.compiler.incremental.IncrementalCompiler(compiler); // a pass that changes a few objects derives only their neighbourhood
  }

  /** Compiles the objects that are not being deleted. */
  public FleetResult compile(List<RawObject> objects) {
    Map<ObjectKey, List<Diagnostic>> diagnostics = new TreeMap<>();
    Map<ObjectKey, SourcedObject> current = new TreeMap<>();
    Set<ObjectKey> held = new TreeSet<>();
    Map<ObjectKey, RawObject> raw = new HashMap<>();
    for (RawObject o : objects) {
      raw.put(o.key(), o);
      ReadResult read = ResourceText.read(o);
      diagnostics.put(o.key(), new ArrayList<>(read.diagnostics()));
      if (read.hasErrors() || read.objects().size() != 1) {
        held.add(o.key());
        seedLastGood(o);
      } else {
        current.put(o.key(), read.objects().get(0));
      }
    }
    lastGood.keySet().retainAll(diagnostics.keySet());
    Set<ObjectKey> excluded = new TreeSet<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<SourcedObject> input = new ArrayList<>();
      for (ObjectKey key : diagnostics.keySet()) {
        SourcedObject use = held.contains(key) ? lastGood.get(key) : current.get(key);
        if (use != null && !excluded.contains(key)) {
          input.add(use);
        }
      }
      Compilation c = compiler.compile(Sources.of(input));
      Map<ObjectKey, List<Diagnostic>> byObject = new TreeMap<>();
      List<Diagnostic> unattributed = new ArrayList<>();
      for (Diagnostic d : c.diagnostics()) {
        Optional<ObjectKey> key = ResourceText.keyOf(d.position().file()).filter(diagnostics::containsKey);
        key.ifPresentOrElse(k -> byObject.computeIfAbsent(k, x -> new ArrayList<>()).add(d), () -> unattributed.add(d));
      }
      if (!c.hasErrors()) {
        current.forEach((k, v) -> {
          if (!held.contains(k)) {
            lastGood.put(k, v);
          }
        });
        byObject.forEach((k, ds) -> diagnostics.get(k).addAll(ds));
        return result(false, c, diagnostics, held, excluded, unattributed);
      }
      boolean progress = false;
      for (Map.Entry<ObjectKey, List<Diagnostic>> e : byObject.entrySet()) {
        if (e.getValue().stream().noneMatch(Diagnostic::isError)) {
          continue;
        }
        ObjectKey key = e.getKey();
        if (!held.contains(key)) {
          held.add(key);
          seedLastGood(raw.get(key));
          diagnostics.get(key).addAll(e.getValue());
          progress = true;
        } else if (!excluded.contains(key)) {
          excluded.add(key); // even its last good spec no longer compiles with the rest
          progress = true;
        }
      }
      if (!progress || unattributed.stream().anyMatch(Diagnostic::isError)) {
        byObject.forEach((k, ds) -> ds.stream().filter(d -> !diagnostics.get(k).contains(d)).forEach(diagnostics.get(k)::add));
        return result(true, c, diagnostics, held, excluded, unattributed);
      }
    }
    return new FleetResult(true, List.of(), diagnostics, held, Set.of(), List.of());
  }

  /** A restarted controller has no last good spec in memory: it takes the one the object's status keeps. */
  private void seedLastGood(RawObject o) {
    if (o != null && !lastGood.containsKey(o.key())) {
      ResourceText.lastApplied(o).ifPresent(last -> lastGood.put(o.key(), last));
    }
  }

  private FleetResult result(boolean failed, Compilation c, Map<ObjectKey, List<Diagnostic>> diagnostics,
      Set<ObjectKey> held, Set<ObjectKey> excluded, List<Diagnostic> unattributed) {
    Set<ObjectKey> atLastGood = new TreeSet<>();
    for (ObjectKey k : held) {
      if (lastGood.containsKey(k) && !excluded.contains(k)) {
        atLastGood.add(k);
      }
    }
    Map<ObjectKey, List<Diagnostic>> frozen = new TreeMap<>();
    diagnostics.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new FleetResult(failed, failed ? List.of() : c.documents(), frozen, held, atLastGood, unattributed);
  }
}
