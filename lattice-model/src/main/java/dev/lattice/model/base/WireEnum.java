package dev.lattice.model.base;

/** An enum whose constants are spelled in YAML as {@link #wire()}. */
public interface WireEnum {
  /** The spelling in YAML, e.g. {@code outbound} or {@code LoadBalancer}. */
  String wire();
}
