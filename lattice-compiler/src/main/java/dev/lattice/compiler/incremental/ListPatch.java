package dev.lattice.compiler.incremental;

import dev.lattice.document.PersistentList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Edits of a kept list by position — elements to insert before an index, and the element at an
 * index replaced or removed — applied in one pass that shares every unedited chunk of the kept
 * list ({@link PersistentList}), so its cost grows with the edits, not with the list.
 */
final class ListPatch<E> {
  private final TreeMap<Integer, List<E>> inserted = new TreeMap<>();
  private final TreeMap<Integer, Optional<E>> edited = new TreeMap<>();

  /** Inserts {@code e} before the kept element at {@code index} ({@code size} for the end), after what was inserted there before. */
  void insertBefore(int index, E e) {
    inserted.computeIfAbsent(index, k -> new ArrayList<>()).add(e);
  }

  void replace(int index, E e) {
    edited.put(index, Optional.of(e));
  }

  void remove(int index) {
    edited.put(index, Optional.empty());
  }

  /** Whether the kept element at {@code index} is replaced or removed. */
  boolean edits(int index) {
    return edited.containsKey(index);
  }

  boolean isEmpty() {
    return inserted.isEmpty() && edited.isEmpty();
  }

  /** {@code kept} with these edits. */
  PersistentList<E> applyTo(List<E> kept) {
    if (isEmpty()) {
      return PersistentList.copyOf(kept);
    }
    TreeSet<Integer> points = new TreeSet<>(inserted.keySet());
    points.addAll(edited.keySet());
    PersistentList.Builder<E> out = PersistentList.builder();
    int next = 0;
    for (int at : points) {
      out.addRange(kept, next, at);
      inserted.getOrDefault(at, List.of()).forEach(out::add);
      Optional<E> edit = edited.get(at);
      if (edit != null) {
        edit.ifPresent(out::add);
        next = at + 1;
      } else {
        next = at;
      }
    }
    out.addRange(kept, next, kept.size());
    return out.build();
  }
}
