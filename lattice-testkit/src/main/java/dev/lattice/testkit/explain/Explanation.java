package dev.lattice.testkit.explain;

import java.util.List;
import java.util.Optional;

/**
 * Whether {@code from} may reach {@code to} (on {@code port}, or on any of its ports when absent),
 * at L4 and at L7 ({@code l7} is empty where no L7 layer applies), and why.
 */
public record Explanation(String from, String to, Optional<Integer> port, Layer l4, Optional<Layer> l7, List<String> reasons) {

  /** One layer's answer and the documents that decided it. */
  public record Layer(boolean allowed, List<String> documents) {}

  /** Allowed end to end: L4 allows, and L7 allows where it applies. */
  public boolean allowed() {
    return l4.allowed() && l7.map(Layer::allowed).orElse(true);
  }
}
