package dev.lattice.compiler.incremental;

import dev.lattice.compiler.Compilation;
import dev.lattice.document.PersistentList;
import dev.lattice.compiler.Sources;
import dev.lattice.compiler.incremental.SourceChanges.Change;
import dev.lattice.compiler.incremental.SourceChanges.Key;
import dev.lattice.document.Document;
import dev.lattice.compiler.stage.Pipeline;
import dev.lattice.model.Kind;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last clean compilation an {@link IncrementalCompiler} made, kept so the next one can derive
 * only what changed: the input objects by kind and address, who names whom (dangling names
 * included), how many objects each namespace holds, and the output — documents and diagnostics,
 * both in print order. Mutable, owned by one incremental compiler.
 */
final class FleetSnapshot {
  /** The kinds whose changes the incremental path handles; any other change compiles everything. */
  static final Set<Kind> MESH_KINDS = java.util.EnumSet.copyOf(java.util.Arrays.stream(Kind.values()).filter(Kind::meshAddressed).toList());

  private List<SourcedObject> objects;
  private final Map<Key, SourcedObject> byKey = new HashMap<>();
  private final Map<ObjectRef, Set<ObjectRef>> names = new HashMap<>();
  private final Map<ObjectRef, Set<ObjectRef>> namedBy = new HashMap<>();
  private final Map<String, Set<Key>> namespaced = new HashMap<>();
  /** The services that declare {@code spec.ingress}, by namespace (a namespace's Gateway is compiled from all of them). */
  private final Map<String, Set<Key>> routing = new HashMap<>();
  private final List<SourcedObject> policies = new ArrayList<>();
  private final boolean quotas;
  private final boolean jobs;
  private List<Document> documents;
  private List<Diagnostic> diagnostics;
  private List<Diagnostic> readDiagnostics;

  private FleetSnapshot(Sources sources, Compilation clean) {
    this.objects = sources.objects();
    this.readDiagnostics = sources.readDiagnostics();
    boolean anyQuota = false;
    boolean anyJob = false;
    for (SourcedObject s : objects) {
      byKey.put(Key.of(s), s);
      Kind kind = s.object().kind();
      if (kind.namespaced()) {
        namespaced.computeIfAbsent(SourceChanges.refOf(s).namespace(), k -> new java.util.LinkedHashSet<>()).add(Key.of(s));
      }
      if (routes(s)) {
        routing.computeIfAbsent(SourceChanges.refOf(s).namespace(), k -> new HashSet<>()).add(Key.of(s));
      }
      if (kind == Kind.CEDAR_POLICY || kind == Kind.LATTICE_RESOURCE_CLASS) {
        policies.add(s); // a neighbourhood is derived with every policy and resource class
      }
      anyQuota |= kind == Kind.LATTICE_QUOTA;
      anyJob |= kind == Kind.LATTICE_JOB || kind == Kind.LATTICE_MODEL;
    }
    quotas = anyQuota;
    jobs = anyJob;
    Pipeline.referencesOf(objects).forEach(this::link);
    // held in shared chunks, so that each incremental result copies only the chunks it changes
    documents = PersistentList.copyOf(clean.documents());
    diagnostics = PersistentList.copyOf(clean.diagnostics());
  }

  /** The snapshot of a compilation without errors of {@code sources}. */
  static FleetSnapshot of(Sources sources, Compilation clean) {
    return new FleetSnapshot(sources, clean);
  }

  /** What reading the kept input reported (warnings only). */
  List<Diagnostic> readDiagnostics() {
    return readDiagnostics;
  }

  List<SourcedObject> objects() {
    return objects;
  }

  Map<Key, SourcedObject> byKey() {
    return byKey;
  }

  boolean hasQuotas() {
    return quotas;
  }

  /** Whether the input has a {@code LatticeJob} or {@code LatticeModel}: its tasks or roles are derived objects the neighbourhoods do not follow. */
  boolean hasJobs() {
    return jobs;
  }

  /** The Cedar policies and resource classes: every neighbourhood is derived with them. */
  List<SourcedObject> policies() {
    return policies;
  }

  List<Document> documents() {
    return documents;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The addresses {@code ref} names in this snapshot. */
  Set<ObjectRef> names(ObjectRef ref) {
    return names.getOrDefault(ref, Set.of());
  }

  /** The addresses that name {@code ref} in this snapshot. */
  Set<ObjectRef> namedBy(ObjectRef ref) {
    return namedBy.getOrDefault(ref, Set.of());
  }

  /** Whether {@code s} is a service that declares {@code spec.ingress}. */
  static boolean routes(SourcedObject s) {
    return s.object() instanceof dev.lattice.model.LatticeService svc && svc.spec().ingress().isPresent();
  }

  /** Whether some service of {@code namespace} in this snapshot declares {@code spec.ingress}. */
  boolean routes(String namespace) {
    return !routing.getOrDefault(namespace, Set.of()).isEmpty();
  }

  /** Whether applying {@code changes} would add a namespace or empty one (which every object's diagnostics can see). */
  boolean changesNamespaces(List<Change> changes) {
    Map<String, Integer> delta = new HashMap<>();
    for (Change c : changes) {
      String ns = c.key().ref().namespace();
      delta.merge(ns, (c.after().isPresent() ? 1 : 0) - (c.before().isPresent() ? 1 : 0), Integer::sum);
    }
    return delta.entrySet().stream().anyMatch(e -> {
      int before = namespaced.getOrDefault(e.getKey(), Set.of()).size();
      return (before == 0) != (before + e.getValue() == 0);
    });
  }

  /**
   * An object of {@code namespace} that is not in {@code changed} (nor a policy: those are always
   * derived), if there is one: derived beside
   * a neighbourhood, it keeps the namespace known to both of its derivations, as it is to the whole
   * input (a name into a known namespace that names nothing is an error, elsewhere a warning).
   */
  java.util.Optional<SourcedObject> anchor(String namespace, Set<Key> changed) {
    for (Key k : namespaced.getOrDefault(namespace, Set.of())) {
      if (!changed.contains(k) && k.kind() != Kind.CEDAR_POLICY) {
        return java.util.Optional.of(byKey.get(k));
      }
    }
    return java.util.Optional.empty();
  }

  /** The services, mesh members and external services kept at {@code refs}, except those in {@code skip}. */
  List<SourcedObject> meshObjectsAt(java.util.Collection<ObjectRef> refs, Set<Key> skip) {
    List<SourcedObject> out = new ArrayList<>();
    for (ObjectRef ref : refs) {
      for (Kind kind : MESH_KINDS) {
        Key key = new Key(kind, ref);
        SourcedObject s = byKey.get(key);
        if (s != null && !skip.contains(key)) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /**
   * Takes the next input and its output: the changed objects replace the old ones (with their
   * names), and the documents and diagnostics become {@code documents} and {@code diagnostics}.
   */
  void advance(Sources next, List<Change> changes, Map<ObjectRef, Set<ObjectRef>> newNames,
      List<Document> documents, List<Diagnostic> diagnostics) {
    Set<ObjectRef> relinked = new HashSet<>();
    for (Change c : changes) {
      ObjectRef ref = c.key().ref();
      if (relinked.add(ref)) {
        for (ObjectRef peer : names(ref)) {
          Set<ObjectRef> declarers = namedBy.get(peer);
          if (declarers != null) {
            declarers.remove(ref);
          }
        }
        names.remove(ref);
      }
      c.before().ifPresent(old -> byKey.remove(c.key()));
      c.after().ifPresent(now -> byKey.put(c.key(), now));
      Set<Key> inNamespace = namespaced.computeIfAbsent(ref.namespace(), k -> new java.util.LinkedHashSet<>());
      if (c.after().isPresent()) {
        inNamespace.add(c.key());
      } else {
        inNamespace.remove(c.key());
      }
      Set<Key> routers = routing.computeIfAbsent(ref.namespace(), k -> new HashSet<>());
      if (c.after().filter(FleetSnapshot::routes).isPresent()) {
        routers.add(c.key());
      } else {
        routers.remove(c.key());
      }
    }
    // an address can hold a service and an external service: relink from what is there now
    for (ObjectRef ref : relinked) {
      Set<ObjectRef> now = newNames.get(ref);
      if (now != null) {
        link(ref, now);
      }
    }
    this.objects = next.objects();
    this.readDiagnostics = next.readDiagnostics();
    this.documents = documents;
    this.diagnostics = diagnostics;
  }

  private void link(ObjectRef declarer, Set<ObjectRef> peers) {
    names.computeIfAbsent(declarer, k -> new HashSet<>()).addAll(peers);
    peers.forEach(p -> namedBy.computeIfAbsent(p, k -> new HashSet<>()).add(declarer));
  }
}
