package dev.lattice.cli.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code --dry-run} diff is a unified diff with three lines of context. */
class UnifiedDiffTest {
  @Test
  void oneChangedLineWithContext() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
    assertThat(UnifiedDiff.of(new Change("x.yaml", Optional.of(before), Optional.of(after)))).isEqualTo("""
        --- a/x.yaml
        +++ b/x.yaml
        @@ -2,7 +2,7 @@
         b
         c
         d
        -e
        +E
         f
         g
         h
        """);
  }

  @Test
  void createdAndDeletedFiles() {
    assertThat(UnifiedDiff.of(new Change("n.yaml", Optional.empty(), Optional.of("x\ny\n"))))
        .isEqualTo("--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1,2 @@\n+x\n+y\n");
    assertThat(UnifiedDiff.of(new Change("o.yaml", Optional.of("x\n"), Optional.empty())))
        .isEqualTo("--- a/o.yaml\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x\n");
  }

  @Test
  void distantChangesAreSeparateHunks() {
    StringBuilder before = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      before.append(i).append('\n');
    }
    String after = before.toString().replace("\n2\n", "\ntwo\n").replace("\n17\n", "\nseventeen\n");
    String diff = UnifiedDiff.of(new Change("x", Optional.of(before.toString()), Optional.of(after)));
    assertThat(diff).contains("@@ -1,6 +1,6 @@", "@@ -15,6 +15,6 @@");
  }
}
