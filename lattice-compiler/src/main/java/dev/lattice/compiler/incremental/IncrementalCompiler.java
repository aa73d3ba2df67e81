package dev.lattice.compiler.incremental;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.compiler.incremental.SourceChanges.Change;
import dev.lattice.compiler.stage.Pipeline;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recompiles a fleet that changes a few objects at a time, deriving only what the change can
 * affect; every result is the one {@link LatticeCompiler#compile} gives for the same sources, byte
 * for byte (documents and diagnostics), which a property test holds over random edit sequences.
 *
 * <p>After a compilation without errors it keeps the input and the output (a later compilation
 * with errors leaves them kept, so fixing the error is compared with the last clean input). When the next input differs from the
 * last only in services, mesh members or external services, and no namespace appears or empties,
 * it takes the changed objects' neighbourhood — the changed addresses and every address that names
 * them or that they name (before and after), together with those addresses' own peers — and
 * derives that neighbourhood twice, with the objects before and after the change. The difference
 * of the two derivations is applied to the kept output. Anything else — the first compilation, a
 * previous compilation with errors, read errors, a change of policies, quotas or clusters, a
 * change that brings an error, or a delta whose "before" side does not match the kept output —
 * compiles everything; {@link #lastRecompile()} says which way the last call went and why.
 *
 * <p>Pass the same {@link SourcedObject} instances for unchanged objects when you can: they are
 * recognised by identity; other objects are compared by value. An incremental result carries no
 * {@link Compilation#plan() plan}. Not thread-safe: one instance per stream of edits.
 */
public final class IncrementalCompiler {
  private final LatticeCompiler compiler;
  private FleetSnapshot snapshot;
  private Recompile last = Recompile.full("nothing compiled yet", 0);
  /** The "after" derivation of the last incremental step, by its objects: the next step's "before" when it edits the same neighbourhood again. */
  private java.util.Set<SourcedObject> lastAfterObjects = Set.of();
  private LatticeCompiler.Derivation lastAfter;

  public IncrementalCompiler(LatticeCompiler compiler) {
    this.compiler = compiler;
  }

  /** How the last {@link #compile} was done. */
  private static List<dev.lattice.model.diagnostics.Diagnostic> absentPeers(List<dev.lattice.model.diagnostics.Diagnostic> all) {
    return all.stream().filter(x -> x.code().equals(dev.lattice.model.diagnostics.Codes.UNKNOWN_TARGET)).toList();
  }

  private static boolean addsOrRemoves(List<Change> changes) {
    return changes.stream().anyMatch(c -> c.before().isEmpty() || c.after().isEmpty());
  }

  public Recompile lastRecompile() {
    return last;
  }

  /** Compiles {@code sources}, incrementally from the previous call when it can. */
  public Compilation compile(Sources sources) {
    Optional<Compilation> incremental = Optional.empty();
    String reason;
    if (snapshot == null) {
      reason = "no earlier compilation without errors";
    } else {
      ReadChange read = ReadChange.between(snapshot.readDiagnostics(), sources.readDiagnostics());
      reason = read.bringsError() ? "the input has read errors" : null;
      if (reason == null) {
        SourceChanges changes = SourceChanges.between(snapshot.objects(), snapshot.byKey(), sources.objects());
        reason = refusal(changes);
        if (reason == null) {
          incremental = changes.changes().isEmpty() ? rereadOnly(sources, read) : recompile(sources, read, changes.changes());
          reason = incremental.isPresent() ? null : last.reason();
        }
      }
    }
    if (incremental.isPresent()) {
      return incremental.get();
    }
    Compilation full = compiler.compile(sources);
    if (!full.hasErrors()) {
      snapshot = FleetSnapshot.of(sources, full); // with errors the last clean snapshot stays: the next input is compared with it
    }
    last = Recompile.full(reason, sources.objects().size());
    return full;
  }

  /** Why {@code changes} cannot be compiled incrementally, or null when they can. */
  private String refusal(SourceChanges changes) {
    if (changes.duplicated()) {
      return "an object is defined twice";
    }
    for (Change c : changes.changes()) {
      if (!FleetSnapshot.MESH_KINDS.contains(c.key().kind())) {
        return "a " + c.key().kind().wire() + " changed";
      }
    }
    if (!changes.changes().isEmpty() && snapshot.hasQuotas()) {
      return "LatticeQuota budgets add up the whole fleet";
    }
    if (!changes.changes().isEmpty() && snapshot.hasJobs()) {
      return "the fleet has a LatticeJob or LatticeModel (its tasks and roles are compiled with the whole fleet)";
    }
    if (snapshot.changesNamespaces(changes.changes())) {
      return "a namespace appears or empties";
    }
    if (touchesIngress(changes.changes())) {
      return "a namespace with ingress routes changed (its shared Gateway is compiled from all of them)";
    }
    return null;
  }

  /** Whether a change is in a namespace where some service, before or after, declares {@code spec.ingress}. */
  private boolean touchesIngress(List<Change> changes) {
    for (Change c : changes) {
      if (c.after().filter(FleetSnapshot::routes).isPresent() || snapshot.routes(c.key().ref().namespace())) {
        return true;
      }
    }
    return false;
  }

  private Optional<Compilation> recompile(Sources sources, ReadChange read, List<Change> changes) {
    Set<ObjectRef> changed = new HashSet<>();
    Set<SourceChanges.Key> changedKeys = new HashSet<>();
    List<SourcedObject> changedNow = new ArrayList<>();
    for (Change c : changes) {
      changed.add(c.key().ref());
      changedKeys.add(c.key());
      c.after().ifPresent(changedNow::add);
    }
    // an address can hold a service and an external service: names are followed per address, from all it holds now
    List<SourcedObject> atChanged = new ArrayList<>(changedNow);
    atChanged.addAll(snapshot.meshObjectsAt(changed, changedKeys));
    Map<ObjectRef, Set<ObjectRef>> newNames = Pipeline.referencesOf(atChanged);
    Neighbourhood hood = Neighbourhood.around(changed, snapshot, newNames);
    List<SourcedObject> before = new ArrayList<>(snapshot.policies());
    before.addAll(snapshot.meshObjectsAt(hood.members(), Set.of()));
    List<SourcedObject> after = new ArrayList<>(snapshot.policies());
    after.addAll(snapshot.meshObjectsAt(hood.members(), changedKeys));
    after.addAll(changedNow);
    Set<SourcedObject> anchors = new HashSet<>();
    for (ObjectRef ref : changed) {
      snapshot.anchor(ref.namespace(), changedKeys).filter(a -> !hood.members().contains(SourceChanges.refOf(a))).ifPresent(anchors::add);
    }
    before.addAll(anchors);
    after.addAll(anchors);
    OutputDelta delta;
    try {
      LatticeCompiler.Derivation was = identitySet(before).equals(lastAfterObjects) ? lastAfter : compiler.derive(Sources.of(before));
      LatticeCompiler.Derivation is = compiler.derive(Sources.of(after));
      lastAfterObjects = identitySet(after);
      lastAfter = is;
      if (!absentPeers(was.diagnostics()).equals(absentPeers(is.diagnostics()))
          || (addsOrRemoves(changes) && !absentPeers(snapshot.diagnostics()).isEmpty())) {
        // a LAT2002 "did you mean" is chosen among every name of the namespace, not only the neighbourhood's
        return refuse("a reference to an object absent from the input appears, goes or may change its hint", hood);
      }
      delta = OutputDelta.between(was, is).orElse(null);
    } catch (RuntimeException e) {
      return refuse("deriving the neighbourhood failed: " + e, hood);
    }
    if (delta == null) {
      return refuse("the neighbourhood derives one document twice", hood);
    }
    delta.readDiagnostics(read);
    if (delta.addsError()) {
      return refuse("the change brings an error", hood);
    }
    Optional<OutputDelta.Applied> applied = delta.apply(snapshot.documents(), snapshot.diagnostics());
    if (applied.isEmpty()) {
      return refuse("the neighbourhood did not reproduce the kept output", hood);
    }
    Compilation result = new Compilation(applied.get().documents(), applied.get().diagnostics(), Optional.empty());
    snapshot.advance(sources, changes, newNames, result.documents(), result.diagnostics());
    last = new Recompile(true, "changed " + changes.size() + " object(s)", changes.size(), hood.affected(), after.size());
    return Optional.of(result);
  }

  /**
   * No object changed, but what reading reported may have (a document that is no object, such as
   * an unsupported kind, moved or changed): the kept output with the read diagnostics brought up
   * to date.
   */
  private Optional<Compilation> rereadOnly(Sources sources, ReadChange read) {
    OutputDelta delta = OutputDelta.none();
    delta.readDiagnostics(read);
    Optional<OutputDelta.Applied> applied = delta.apply(snapshot.documents(), snapshot.diagnostics());
    if (applied.isEmpty()) {
      last = new Recompile(false, "the read diagnostics do not match the kept output", 0, 0, 0);
      return Optional.empty();
    }
    Compilation result = new Compilation(applied.get().documents(), applied.get().diagnostics(), Optional.empty());
    snapshot.advance(sources, List.of(), Map.of(), result.documents(), result.diagnostics());
    last = new Recompile(true, "nothing changed", 0, 0, 0);
    return Optional.of(result);
  }

  private static Set<SourcedObject> identitySet(List<SourcedObject> objects) {
    Set<SourcedObject> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    set.addAll(objects);
    return set;
  }

  private Optional<Compilation> refuse(String reason, Neighbourhood hood) {
    last = new Recompile(false, reason, 0, hood.affected(), 0);
    return Optional.empty();
  }

  /**
   * How one call of {@link #compile} went.
   *
   * @param incremental whether only a neighbourhood was derived
   * @param reason what changed, or why everything was compiled
   * @param changedObjects objects added, removed or modified (incremental calls only)
   * @param affected addresses whose output could change (the inner neighbourhood)
   * @param derivedObjects objects derived: the neighbourhood with its peers and the policies, or the whole input
   */
  public record Recompile(boolean incremental, String reason, int changedObjects, int affected, int derivedObjects) {
    static Recompile full(String reason, int objects) {
      return new Recompile(false, reason, 0, 0, objects);
    }
  }
}
