package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile --out} writes all or nothing (issue 16, item 11): a full disk leaves the folder as it was. */
class OutputFolderTest {
  @Test
  void aFullDiskPartWayLeavesTheFolderAsItWasAndSaysWhy(@TempDir Path dir) throws IOException {
    Path old = Files.createDirectories(dir.resolve("shop")).resolve("deployment-web.yaml");
    Files.writeString(old, "old\n");
    Files.writeString(dir.resolve("notes.txt"), "mine\n");
    AtomicInteger written = new AtomicInteger();
    OutputFolder folder = new OutputFolder(dir, (file, text) -> {
      if (written.incrementAndGet() == 3) {
        throw new FileSystemException(file.toString(), null, "No space left on device");
      }
      OutputFolder.NEW_FILE.write(file, text);
    });
    Map<String, String> files = new LinkedHashMap<>();
    files.put("shop/deployment-web.yaml", "new\n");
    files.put("shop/service-web.yaml", "new\n");
    files.put("_cluster/namespace-shop.yaml", "new\n");
    files.put("shop/serviceaccount-web.yaml", "new\n");
    assertThatThrownBy(() -> folder.write(files)).isInstanceOfSatisfying(OutputFolder.Refused.class, e -> {
      assertThat(e.exitCode).isEqualTo(1);
      assertThat(e.getMessage()).contains("No space left on device").endsWith("nothing written");
    });
    assertThat(Files.readString(old)).isEqualTo("old\n");
    try (Stream<Path> walk = Files.walk(dir)) {
      assertThat(walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
          .containsExactlyInAnyOrder("shop/deployment-web.yaml", "notes.txt");
    }
    try (Stream<Path> listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(OutputFolder.STAGING_PREFIX));
    }
  }

  @Test
  void aStagingFolderLeftByAKilledRunIsRemovedAndTheSetWritten(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve(OutputFolder.STAGING_PREFIX + "killed/shop"));
    Files.writeString(dir.resolve(OutputFolder.STAGING_PREFIX + "killed/shop/x.yaml"), "half");
    new OutputFolder(dir).write(Map.of("shop/a.yaml", "a\n"));
    try (Stream<Path> walk = Files.walk(dir)) {
      assertThat(walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())).containsExactly("shop/a.yaml");
    }
  }
}
