package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.LatticeService;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input limits (issue 16, item 12): a file over the limit is refused with LAT1040; long scalars are read whole. */
class InputLimitTest {
  private static final String SERVICE = "apiVersion: lattice.dev/v1alpha1\nkind: LatticeService\n"
      + "metadata: {name: a, namespace: b}\nspec:\n  workload:\n    containers:\n      main:\n        image: ";

  @Test
  void aFileOverTheLimitIsRefusedUnreadWithOneDiagnostic(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, SERVICE + "x".repeat(2000) + "\n");
    ReadResult result = new LatticeReader(1024).readPaths(List.of(file));
    assertThat(result.objects()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Codes.INPUT_TOO_LARGE);
      assertThat(d.isError()).isTrue();
      assertThat(d.position().file()).isEqualTo(file.normalize().toString());
      assertThat(d.message()).contains("over the limit of 1 KiB");
      assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("--max-input-size"));
    });
    assertThat(new LatticeReader(1 << 20).readPaths(List.of(file)).objects()).hasSize(1);
  }

  @Test
  void streamsAndStringsHaveTheSameLimit() {
    String text = SERVICE + "x".repeat(2000) + "\n";
    LatticeReader small = new LatticeReader(1024);
    assertThat(small.readStream("<stdin>", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).diagnostics())
        .extracting(Diagnostic::code).containsExactly(Codes.INPUT_TOO_LARGE);
    assertThat(small.readString("text.yaml", text).diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.INPUT_TOO_LARGE);
    assertThat(new LatticeReader().readString("text.yaml", text).hasErrors()).isFalse();
  }

  /**
   * A 24 MB single-line scalar reads whole, in every style: beyond the parser limits the reader had
   * (20 M characters a string, 64 M code points a document), which the file limit now replaces; it
   * takes well under a second where SnakeYAML's reader took minutes (docs/PERFORMANCE.md).
   */
  @Test
  void aLongSingleLineScalarIsReadWholeInEveryStyle() {
    String big = "a".repeat(24 * 1024 * 1024);
    for (String value : List.of(big, "\"" + big + "\"", "'" + big + "'")) {
      ReadResult result = new LatticeReader().readString("big.yaml", SERVICE + value + "\n");
      assertThat(result.diagnostics()).isEmpty();
      LatticeService s = (LatticeService) result.objects().get(0).object();
      assertThat(s.spec().workload().containers().get("main").image()).hasSize(big.length());
    }
  }
}
