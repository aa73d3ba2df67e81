package dev.lattice.document;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.Spliterators;

/**
 * An immutable list held in chunks that its changed copies share: a copy built with a {@link
 * Builder} from ranges of another list and a few new elements copies only the chunks at the edits,
 * so changing a few of 71k documents costs about a thousand element copies, not 71k. No nulls. {@link
 * Compilation} keeps one as it is given (an immutable list needs no copy); every other list it copies.
 *
 * <p>Every chunk but the last holds at least {@value #MIN} elements, so a list of n elements has at
 * most n / {@value #MIN} + 1 chunks however often it is edited; {@link #get} finds the chunk by
 * binary search, the iterator walks the chunks.
 */
public final class PersistentList<E> extends AbstractList<E> implements RandomAccess {
  /** A chunk shared by a copy holds at least this many elements. */
  static final int MIN = 256;
  /** A chunk filled by copying holds at most this many elements. */
  static final int CAP = 1024;
  private static final PersistentList<?> EMPTY = new PersistentList<>(new Object[0][], new int[] {0});

  private final Object[][] chunks;
  /** {@code starts[i]} is the index of chunk i's first element; {@code starts[chunks.length]} is the size. */
  private final int[] starts;

  private PersistentList(Object[][] chunks, int[] starts) {
    this.chunks = chunks;
    this.starts = starts;
  }

  /** {@code list} itself when it is a persistent list, else its elements in one. */
  public static <E> PersistentList<E> copyOf(List<? extends E> list) {
    if (list instanceof PersistentList<? extends E> p) {
      @SuppressWarnings("unchecked")
      PersistentList<E> same = (PersistentList<E>) p;
      return same;
    }
    Builder<E> b = builder();
    b.addRange(list, 0, list.size());
    return b.build();
  }

  public static <E> Builder<E> builder() {
    return new Builder<>();
  }

  @Override
  public int size() {
    return starts[chunks.length];
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    Objects.checkIndex(index, size());
    int c = chunkOf(index);
    return (E) chunks[c][index - starts[c]];
  }

  /** The chunk that holds {@code index} (which is in range). */
  private int chunkOf(int index) {
    int low = 0;
    int high = chunks.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (starts[mid] <= index) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  @Override
  public Iterator<E> iterator() {
    return new Iterator<>() {
      private int chunk;
      private int at;

      @Override
      public boolean hasNext() {
        return chunk < chunks.length;
      }

      @Override
      @SuppressWarnings("unchecked")
      public E next() {
        if (chunk >= chunks.length) {
          throw new NoSuchElementException();
        }
        E e = (E) chunks[chunk][at++];
        if (at == chunks[chunk].length) {
          chunk++;
          at = 0;
        }
        return e;
      }
    };
  }

  @Override
  public Spliterator<E> spliterator() {
    return Spliterators.spliterator(iterator(), size(), Spliterator.ORDERED | Spliterator.IMMUTABLE | Spliterator.NONNULL);
  }

  /** How many chunks hold the elements (for tests of the chunk bound). */
  int chunkCount() {
    return chunks.length;
  }

  /**
   * Builds a list from ranges of other lists and single elements, in order. Ranges of a persistent
   * list share its whole chunks of at least {@value #MIN} elements; everything else is copied.
   * One use.
   */
  public static final class Builder<E> {
    private final List<Object[]> chunks = new ArrayList<>();
    private Object[] open = new Object[CAP];
    private int filled;

    private Builder() {}

    /** Appends {@code e}. */
    public Builder<E> add(E e) {
      open[filled++] = Objects.requireNonNull(e);
      if (filled == CAP) {
        flush();
      }
      return this;
    }

    /** Appends {@code from}'s elements {@code start} (inclusive) to {@code end} (exclusive). */
    public Builder<E> addRange(List<? extends E> from, int start, int end) {
      Objects.checkFromToIndex(start, end, from.size());
      if (!(from instanceof PersistentList<? extends E> p)) {
        for (int i = start; i < end; i++) {
          add(from.get(i));
        }
        return this;
      }
      for (int c = start == end ? p.chunks.length : p.chunkOf(start); c < p.chunks.length && p.starts[c] < end; c++) {
        Object[] chunk = p.chunks[c];
        int from0 = Math.max(start, p.starts[c]) - p.starts[c];
        int to0 = Math.min(end, p.starts[c + 1]) - p.starts[c];
        if (from0 == 0 && to0 == chunk.length && chunk.length >= MIN && (filled == 0 || filled >= MIN)) {
          flush();
          chunks.add(chunk); // immutable, so shared
        } else {
          copy(chunk, from0, to0);
        }
      }
      return this;
    }

    private void copy(Object[] chunk, int from, int to) {
      while (from < to) {
        int n = Math.min(to - from, CAP - filled);
        System.arraycopy(chunk, from, open, filled, n);
        filled += n;
        from += n;
        if (filled == CAP) {
          flush();
        }
      }
    }

    private void flush() {
      if (filled > 0) {
        chunks.add(filled == CAP ? open : Arrays.copyOf(open, filled));
        open = new Object[CAP];
        filled = 0;
      }
    }

    /** The list built. */
    public PersistentList<E> build() {
      flush();
      if (chunks.isEmpty()) {
        @SuppressWarnings("unchecked")
        PersistentList<E> empty = (PersistentList<E>) EMPTY;
        return empty;
      }
      Object[][] all = chunks.toArray(new Object[0][]);
      int[] starts = new int[all.length + 1];
      for (int i = 0; i < all.length; i++) {
        starts[i + 1] = starts[i] + all[i].length;
      }
      open = null; // one use
      return new PersistentList<>(all, starts);
    }
  }
}
