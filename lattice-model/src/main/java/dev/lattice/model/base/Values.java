package dev.lattice.model.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Null-safe, order-keeping immutable copies for record constructors. */
public final class Values {
  private Values() {}

  public static <T> List<T> list(List<T> in) {
    return in == null ? List.of() : List.copyOf(in);
  }

  /** An unmodifiable copy that keeps the input order (equality ignores order, as maps do). */
  public static <K, V> Map<K, V> map(Map<K, V> in) {
    if (in == null || in.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(in));
  }

  public static <T> Optional<T> opt(Optional<T> in) {
    return in == null ? Optional.empty() : in;
  }
}
