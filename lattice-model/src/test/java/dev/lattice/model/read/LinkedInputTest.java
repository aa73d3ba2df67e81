package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders behind symbolic links, link loops, FIFOs (issue 16, item 13). */
class LinkedInputTest {
  private static String service(String name) {
    return "apiVersion: lattice.dev/v1alpha1\nkind: LatticeService\nmetadata: {name: " + name + ", namespace: shop}\n"
        + "spec:\n  workload:\n    containers: {main: {image: \"r.example.com/" + name + ":1\"}}\n";
  }

  private final LatticeReader reader = new LatticeReader();

  private static List<Object> values(ReadResult r) {
    return r.objects().stream().map(SourcedObject::object).map(Object.class::cast).toList();
  }

  @Test
  void aLinkedFolderReadsLikeTheFolderWithTheSameSkipRules(@TempDir Path dir) throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Files.writeString(real.resolve("a.yaml"), service("a"));
    Path team = Files.createDirectories(dir.resolve("other/team"));
    Files.writeString(team.resolve("b.yaml"), service("b"));
    Files.createDirectories(dir.resolve("other/.hidden"));
    Files.writeString(dir.resolve("other/.hidden/c.yaml"), service("c"));
    Files.createSymbolicLink(real.resolve("team"), team);                 // a linked folder inside
    Files.createSymbolicLink(real.resolve(".secret"), dir.resolve("other/.hidden")); // hidden by its own name
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);       // the folder named through a link

    ReadResult direct = reader.readPaths(List.of(real));
    ReadResult linked = reader.readPaths(List.of(link));
    assertThat(direct.diagnostics()).isEmpty();
    assertThat(linked.diagnostics()).isEmpty();
    assertThat(values(direct)).hasSize(2);
    assertThat(values(linked)).isEqualTo(values(direct));
    assertThat(linked.objects()).extracting(o -> o.sources().document().file()).allMatch(f -> f.startsWith(link.toString()));
  }

  @Test
  void aLinkLoopIsAWarningAndEverythingIsReadOnce(@TempDir Path dir) throws IOException {
    Path root = Files.createDirectories(dir.resolve("fleet/sub"));
    Files.writeString(dir.resolve("fleet/a.yaml"), service("a"));
    Files.writeString(root.resolve("b.yaml"), service("b"));
    Files.createSymbolicLink(root.resolve("back"), dir.resolve("fleet"));
    ReadResult r = reader.readPaths(List.of(dir.resolve("fleet")));
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Codes.LINK_LOOP);
      assertThat(d.isError()).isFalse();
      assertThat(d.message()).contains("sub/back");
    });
    assertThat(values(r)).hasSize(2);
  }

  @Test
  void aBrokenLinkNamedOnTheCommandLineSaysSo(@TempDir Path dir) throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));
    assertThat(reader.readPaths(List.of(link)).diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("broken symbolic link: ").contains("nowhere.yaml"));
    Files.createDirectories(dir.resolve("f"));
    Files.createSymbolicLink(dir.resolve("f/x.yaml"), dir.resolve("nowhere.yaml"));
    assertThat(reader.readPaths(List.of(dir.resolve("f"))).diagnostics()).extracting(Diagnostic::code)
        .containsExactly(Codes.NOT_A_REGULAR_FILE);
  }

  @Test
  void aFifoNamedOnTheCommandLineIsReadAndOneInAFolderIsSkippedWithAWarning(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("in.yaml");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(service("piped").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    ReadResult r = reader.readPaths(List.of(fifo));
    writer.get();
    assertThat(r.diagnostics()).isEmpty();
    assertThat(values(r)).hasSize(1);

    ReadResult walked = reader.readPaths(List.of(dir));
    assertThat(walked.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Codes.NOT_A_REGULAR_FILE);
      assertThat(d.message()).contains("not a regular file");
    });
  }

  private static boolean mkfifo(Path p) {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
