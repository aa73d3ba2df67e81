package dev.lattice.compiler.plan;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * An unmodifiable sorted map whose lookups are hashed: iteration, ranges and ordering come from the
 * sorted map it copies, {@link #get} and {@link #containsKey} from a hash index of the same
 * entries. The plan's maps are iterated in order once and looked up per edge, document and
 * question many times; a tree lookup compares {@code namespace/name} strings at every level.
 */
final class HashedSortedMap<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
  private final SortedMap<K, V> sorted;
  private final Map<K, V> index;

  private HashedSortedMap(SortedMap<K, V> sorted) {
    this.sorted = Collections.unmodifiableSortedMap(sorted);
    this.index = new HashMap<>(sorted);
  }

  /** An unmodifiable, hashed view of {@code sorted}, which the caller must not change afterwards. */
  static <K, V> SortedMap<K, V> of(SortedMap<K, V> sorted) {
    return sorted instanceof HashedSortedMap<K, V> h ? h : new HashedSortedMap<>(sorted);
  }

  @Override
  public V get(Object key) {
    return index.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return index.containsKey(key);
  }

  @Override
  public int size() {
    return index.size();
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return sorted.entrySet();
  }

  @Override
  public Set<K> keySet() {
    return sorted.keySet();
  }

  @Override
  public java.util.Collection<V> values() {
    return sorted.values();
  }

  @Override
  public Comparator<? super K> comparator() {
    return sorted.comparator();
  }

  @Override
  public SortedMap<K, V> subMap(K fromKey, K toKey) {
    return sorted.subMap(fromKey, toKey);
  }

  @Override
  public SortedMap<K, V> headMap(K toKey) {
    return sorted.headMap(toKey);
  }

  @Override
  public SortedMap<K, V> tailMap(K fromKey) {
    return sorted.tailMap(fromKey);
  }

  @Override
  public K firstKey() {
    return sorted.firstKey();
  }

  @Override
  public K lastKey() {
    return sorted.lastKey();
  }
}
