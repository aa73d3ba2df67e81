package dev.lattice.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.Supplier;

/**
 * Heap figures for {@code lattice bench}: the peak of the heap pools since a reset (an upper bound:
 * the pools' peaks need not coincide), and what one result keeps alive after a full collection.
 */
final class HeapProbe {
  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).toList();

  void resetPeaks() {
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  long peakBytes() {
    return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /** Bytes still in use after a collection while {@code make}'s result is held, over the baseline. */
  long retainedBy(Supplier<?> make) {
    long before = usedAfterGc();
    Object held = make.get();
    long after = usedAfterGc();
    return held == null ? 0 : Math.max(0, after - before);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
