package dev.lattice.compiler.incremental;

import dev.lattice.model.Kind;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between the objects of two compilations, matched by kind and address: objects
 * modified, added and removed. An object read again from the same text is equal to its earlier
 * reading, so it does not count as changed. Two objects of one kind and address in the new input
 * make the comparison {@link #duplicated() fail}: the full compile reports them.
 */
final class SourceChanges {
  /** A kind and an address: how objects of two inputs are matched. */
  record Key(Kind kind, ObjectRef ref) {
    static Key of(SourcedObject s) {
      return new Key(s.object().kind(), refOf(s));
    }
  }

  /** One object before and after; either side is empty for an added or removed object. */
  record Change(Key key, Optional<SourcedObject> before, Optional<SourcedObject> after) {}

  private final List<Change> changes;
  private final boolean duplicated;

  private SourceChanges(List<Change> changes, boolean duplicated) {
    this.changes = List.copyOf(changes);
    this.duplicated = duplicated;
  }

  static ObjectRef refOf(SourcedObject s) {
    return ObjectRef.of(s.object().metadata().namespaceOrDefault(), s.object().metadata().name());
  }

  List<Change> changes() {
    return changes;
  }

  boolean duplicated() {
    return duplicated;
  }

  /**
   * Compares {@code next} with {@code previous} (whose keys are unique, indexed by {@code byKey}).
   * When both lists have one length, objects at one position that are the same instance are not
   * compared further: the common case of a caller that replaces one object in a list it keeps.
   */
  static SourceChanges between(List<SourcedObject> previous, Map<Key, SourcedObject> byKey, List<SourcedObject> next) {
    return previous.size() == next.size() ? byPosition(previous, byKey, next) : byKey(byKey, next);
  }

  private static SourceChanges byPosition(List<SourcedObject> previous, Map<Key, SourcedObject> byKey, List<SourcedObject> next) {
    Set<Key> before = new HashSet<>();
    Map<Key, SourcedObject> after = new HashMap<>();
    boolean duplicated = false;
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i) != previous.get(i)) {
        before.add(Key.of(previous.get(i)));
        duplicated |= after.put(Key.of(next.get(i)), next.get(i)) != null;
      }
    }
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<Key, SourcedObject> e : after.entrySet()) {
      SourcedObject old = byKey.get(e.getKey());
      if (old != null && !before.contains(e.getKey())) {
        duplicated = true; // the old object still sits, unchanged, at another position
      } else if (old == null || !old.equals(e.getValue())) {
        changes.add(new Change(e.getKey(), Optional.ofNullable(old), Optional.of(e.getValue())));
      }
    }
    for (Key k : before) {
      if (!after.containsKey(k)) {
        changes.add(new Change(k, Optional.of(byKey.get(k)), Optional.empty()));
      }
    }
    return new SourceChanges(changes, duplicated);
  }

  private static SourceChanges byKey(Map<Key, SourcedObject> byKey, List<SourcedObject> next) {
    Map<Key, SourcedObject> after = new HashMap<>();
    List<Change> changes = new ArrayList<>();
    boolean duplicated = false;
    for (SourcedObject s : next) {
      Key k = Key.of(s);
      duplicated |= after.put(k, s) != null;
      SourcedObject old = byKey.get(k);
      if (old != s && (old == null || !old.equals(s))) {
        changes.add(new Change(k, Optional.ofNullable(old), Optional.of(s)));
      }
    }
    byKey.forEach((k, old) -> {
      if (!after.containsKey(k)) {
        changes.add(new Change(k, Optional.of(old), Optional.empty()));
      }
    });
    return new SourceChanges(changes, duplicated);
  }
}
