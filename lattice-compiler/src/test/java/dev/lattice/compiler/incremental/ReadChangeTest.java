package dev.lattice.compiler.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ReadChange}: the one stretch two lists of read diagnostics differ in. */
class ReadChangeTest {
  private static Diagnostic warning(String file, int line) {
    return Diagnostic.warning("LAT1101", "unknown field", "", SourcePosition.of(file, line, 1), "spec.x");
  }

  private static List<Diagnostic> fleet() {
    List<Diagnostic> all = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      for (int line = 1; line <= 3; line++) {
        all.add(warning("f" + f + ".yaml", line));
      }
    }
    return List.copyOf(all);
  }

  @Test
  void theStretchBetweenTheCommonHeadAndTailWhetherInstancesOrEqualOnes() {
    List<Diagnostic> before = fleet();
    List<Diagnostic> after = new ArrayList<>(before);
    after.set(1, warning("f0.yaml", 2)); // equal, another instance: common
    after.set(13, warning("f4.yaml", 2));
    after.subList(6, 9).clear(); // f2.yaml's three warnings go
    after.add(6, warning("f2.yaml", 7));
    ReadChange read = ReadChange.between(before, after);
    assertThat(read.was()).containsExactly(warning("f2.yaml", 1), warning("f2.yaml", 2), warning("f2.yaml", 3));
    assertThat(read.is()).containsExactly(warning("f2.yaml", 7));
    assertThat(read.bringsError()).isFalse();
  }

  @Test
  void listsThatDifferOnlyInLengthOrNotAtAll() {
    List<Diagnostic> before = fleet();
    assertThat(ReadChange.between(before, before).is()).isEmpty();
    assertThat(ReadChange.between(before, new ArrayList<>(before)).was()).isEmpty();
    List<Diagnostic> longer = new ArrayList<>(before);
    Diagnostic error = Diagnostic.error("LAT1001", "not YAML", "", SourcePosition.of("f5.yaml", 1, 1), "");
    longer.add(error);
    ReadChange read = ReadChange.between(before, longer);
    assertThat(read.was()).isEmpty();
    assertThat(read.is()).containsExactly(error);
    assertThat(read.bringsError()).isTrue();
    assertThat(ReadChange.between(longer, before).was()).containsExactly(error);
  }
}
