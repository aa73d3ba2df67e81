package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walking a folder skips hidden files and folders ({@code .git}, {@code .lattice}); a hidden file named directly is read. */
class HiddenFilesTest {
  private static final String EXTERNAL = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeExternalService
      metadata: {name: NAME, namespace: ns}
      spec:
        endpoints: {api: "https://api.example.com:443"}
      """;

  @Test
  void hiddenFilesAndFoldersAreSkippedWhenWalking(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve(".lattice"));
    Files.createDirectories(dir.resolve(".git/refs"));
    Files.createDirectories(dir.resolve("apps"));
    Files.writeString(dir.resolve(".lattice/config.yaml"), "defaults: {interval: 10m}\n");
    Files.writeString(dir.resolve(".git/refs/x.yaml"), "not: [a lattice document\n");
    Files.writeString(dir.resolve(".hidden.yaml"), EXTERNAL.replace("NAME", "hidden"));
    Files.writeString(dir.resolve("apps/visible.yaml"), EXTERNAL.replace("NAME", "visible"));

    ReadResult walked = new LatticeReader().readPaths(List.of(dir));
    assertThat(walked.diagnostics()).extracting(Diagnostic::render).isEmpty();
    assertThat(walked.objects()).extracting(o -> o.object().metadata().name()).containsExactly("visible");

    ReadResult named = new LatticeReader().readPaths(List.of(dir.resolve(".hidden.yaml")));
    assertThat(named.objects()).extracting(o -> o.object().metadata().name()).containsExactly("hidden");
  }
}
