package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.cli.gitops.Change;
import dev.lattice.cli.gitops.Refusal;
import dev.lattice.cli.gitops.RepoLock;
import dev.lattice.cli.gitops.TreeWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitOps edits are serialised and safe (issue 16, item 5): a lock, a changed-file check, an order that keeps references whole, links. */
class GitopsSafetyTest {
  @Test
  void aCommandWaitsForTheRepositoryLockAndIsRefusedWhenItStaysTaken(@TempDir Path dir) throws Exception {
    RepoFixture fixture = new RepoFixture(dir);
    String before = Files.readString(fixture.repo.resolve("registrations/kustomization.yaml"));
    System.setProperty("lattice.repoLockWaitSeconds", "1");
    try (RepoLock held = RepoLock.acquire(fixture.repo, Duration.ofSeconds(1))) {
      ExecutorService other = Executors.newSingleThreadExecutor();
      RepoFixture.Run r = other.submit(() -> fixture.lattice("service", "register", "web", "--git-url", "https://github.com/example/web")).get();
      other.shutdown();
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("another lattice command is changing").contains("nothing changed");
    } finally {
      System.clearProperty("lattice.repoLockWaitSeconds");
    }
    assertThat(Files.readString(fixture.repo.resolve("registrations/kustomization.yaml"))).isEqualTo(before);
    assertThat(fixture.lattice("service", "register", "web", "--git-url", "https://github.com/example/web").code()).isZero();
  }

  @Test
  void concurrentCommandsDoNotLoseEachOthersChange(@TempDir Path dir) throws Exception {
    RepoFixture fixture = new RepoFixture(dir);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<RepoFixture.Run>> runs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String name = "svc-" + i;
      runs.add(pool.submit(() -> fixture.lattice("service", "register", name, "--git-url", "https://github.com/example/" + name)));
    }
    for (Future<RepoFixture.Run> f : runs) {
      assertThat(f.get().code()).as(f.get().err()).isZero();
    }
    pool.shutdown();
    String catalogue = Files.readString(fixture.repo.resolve("registrations/kustomization.yaml"));
    for (int i = 0; i < 6; i++) {
      assertThat(catalogue).contains("svc-" + i + ".yaml");
    }
    assertThat(fixture.lattice("validate").code()).isZero();
  }

  @Test
  void aFileEditedBetweenReadAndWriteIsRefusedNotReverted(@TempDir Path dir) throws Exception {
    Path k = Files.writeString(dir.resolve("kustomization.yaml"), "someone else's edit\n");
    List<Change> changes = List.of(new Change("kustomization.yaml", Optional.of("what the command read\n"), Optional.of("new\n")),
        new Change("a.yaml", Optional.empty(), Optional.of("a\n")));
    assertThatThrownBy(() -> TreeWriter.write(dir, changes)).isInstanceOf(Refusal.class).hasMessageContaining("changed since this command read it");
    assertThat(Files.readString(k)).isEqualTo("someone else's edit\n");
    assertThat(dir.resolve("a.yaml")).doesNotExist();
  }

  @Test
  void newFilesAreWrittenBeforeTheKustomizationThatListsThem(@TempDir Path dir) throws Exception {
    Path k = Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\n");
    Files.writeString(dir.resolve("blocked"), "a file where a folder is needed");
    List<Change> changes = List.of(new Change("kustomization.yaml", Optional.of("resources: []\n"), Optional.of("resources: [blocked/new.yaml]\n")),
        new Change("blocked/new.yaml", Optional.empty(), Optional.of("new\n")));
    assertThatThrownBy(() -> TreeWriter.write(dir, changes)).isInstanceOf(java.io.IOException.class);
    assertThat(Files.readString(k)).as("the kustomization never names a file that was not written").isEqualTo("resources: []\n");
  }

  @Test
  void leftoverTemporaryFilesAreRemovedAndLinksAreKeptOrRefused(@TempDir Path dir) throws Exception {
    RepoFixture fixture = new RepoFixture(dir);
    Path leftover = Files.writeString(fixture.repo.resolve("registrations/.lattice-123.tmp"), "half");
    Path registrations = fixture.repo.resolve("registrations/kustomization.yaml");
    Path real = fixture.repo.resolve("registrations/catalogue.txt");
    Files.move(registrations, real);
    Files.createSymbolicLink(registrations, real.getFileName());
    RepoFixture.Run r = fixture.lattice("service", "register", "web", "--git-url", "https://github.com/example/web");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(leftover).doesNotExist();
    assertThat(Files.isSymbolicLink(registrations)).as("editing through a link keeps the link").isTrue();
    assertThat(Files.readString(real)).contains("web.yaml");

    Path outside = Files.writeString(dir.resolve("outside.yaml"), Files.readString(real));
    Files.delete(registrations);
    Files.createSymbolicLink(registrations, outside);
    RepoFixture.Run refused = fixture.lattice("service", "register", "api", "--git-url", "https://github.com/example/api");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("symbolic link leading outside the repository");
    assertThat(Files.readString(outside)).doesNotContain("api.yaml");
    assertThat(fixture.repo.resolve("registrations/api.yaml")).doesNotExist();
  }
}
