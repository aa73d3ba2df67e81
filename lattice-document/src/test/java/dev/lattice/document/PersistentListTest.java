package dev.lattice.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link PersistentList}: the same elements as a plain list under random edits, chunks bounded, immutable. */
class PersistentListTest {
  @Test
  void randomRangeEditsGiveThePlainListsElementsAndKeepChunksBounded() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      List<Integer> plain = new ArrayList<>(IntStream.range(0, 5_000 + random.nextInt(5_000)).boxed().toList());
      PersistentList<Integer> persistent = PersistentList.copyOf(plain);
      for (int edit = 0; edit < 200; edit++) {
        int at = random.nextInt(plain.size() + 1);
        int drop = Math.min(random.nextInt(3), plain.size() - at);
        List<Integer> fresh = IntStream.range(0, random.nextInt(3)).mapToObj(i -> -random.nextInt(1000)).toList();
        PersistentList.Builder<Integer> b = PersistentList.builder();
        b.addRange(persistent, 0, at);
        fresh.forEach(b::add);
        b.addRange(persistent, at + drop, persistent.size());
        persistent = b.build();
        plain.subList(at, at + drop).clear();
        plain.addAll(at, fresh);
        assertThat(persistent.chunkCount()).as("seed %d", seed).isLessThanOrEqualTo(plain.size() / PersistentList.MIN + 1);
      }
      assertThat(persistent).as("seed %d", seed).isEqualTo(plain);
      assertThat(new ArrayList<>(persistent)).as("iterator, seed %d", seed).isEqualTo(plain);
      assertThat(persistent.stream().toList()).as("spliterator, seed %d", seed).isEqualTo(plain);
      for (int i = 0; i < plain.size(); i += 97) {
        assertThat(persistent.get(i)).isEqualTo(plain.get(i));
      }
      assertThat(persistent.hashCode()).isEqualTo(plain.hashCode());
    }
  }

  @Test
  void anEditCopiesOnlyTheChunksAtIt() {
    PersistentList<Integer> kept = PersistentList.copyOf(IntStream.range(0, 100_000).boxed().toList());
    PersistentList.Builder<Integer> b = PersistentList.builder();
    b.addRange(kept, 0, 50_000).add(-1).addRange(kept, 50_001, kept.size());
    PersistentList<Integer> edited = b.build();
    assertThat(edited).hasSize(100_000).element(50_000).isEqualTo(-1);
    assertThat(edited.get(49_999)).isEqualTo(49_999);
    assertThat(edited.get(50_001)).isEqualTo(50_001);
    assertThat(edited.chunkCount()).isLessThanOrEqualTo(kept.chunkCount() + 2);
  }

  @Test
  void itIsImmutableAndHasNoNulls() {
    PersistentList<String> list = PersistentList.copyOf(List.of("a", "b"));
    assertThatThrownBy(() -> list.add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.set(0, "c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> PersistentList.<String>builder().add(null)).isInstanceOf(NullPointerException.class);
    assertThat(PersistentList.copyOf(list)).isSameAs(list);
    assertThat(PersistentList.copyOf(List.of())).isEmpty();
  }

}
