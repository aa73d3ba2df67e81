package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.lattice.testkit.fleet.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random command sequences on a fresh repository: after every successful command {@code lattice
 * validate} (repository mode, reading from disk) passes; after every refused one (exit 1 or 2)
 * every file is byte-identical; a dry run never writes; no command fails internally. Seeded:
 * {@code -Dlattice.seed=N} replays a failure; the seed is in every failure message.
 */
class GitopsPropertyTest {
  private static final int SEQUENCES = 30;
  private static final int COMMANDS = 25;
  private static final String[] CLUSTERS = {"mgmt", "edge", "backend", "region", "site", "ghost"};
  private static final String[] SERVICES = {"web", "api", "db", "cache"};
  private static final String[] VERSIONS = {"1.30.2", "1.31.0", "1.32.0", "1.32.5", "1.33.0", "1.33.4", "1.34.1", "v1.33.0", "1.33"};

  @Test
  void validAfterEverySuccessAndUnchangedAfterEveryRefusal(@TempDir Path dir) throws IOException {
    long base = Seeds.base();
    int ok = 0;
    int refused = 0;
    int dryRuns = 0;
    for (int s = 0; s < SEQUENCES; s++) {
      long seed = Seeds.of(base, s);
      SplittableRandom random = new SplittableRandom(seed);
      Path seqDir = Files.createDirectories(dir.resolve("seq-" + s));
      RepoFixture r = new RepoFixture(seqDir);
      for (int c = 0; c < COMMANDS; c++) {
        String[] args = command(random, seqDir, c);
        SortedMap<String, String> before = r.hashes();
        RepoFixture.Run run = r.lattice(args);
        String context = "seed " + seed + " (-Dlattice.seed=" + base + ", sequence " + s + "), command " + c + ": lattice "
            + String.join(" ", args) + "\n" + run.out() + run.err() + "\nlog:\n" + r.log;
        if (run.code() == 3) {
          fail("internal error: " + context);
        }
        boolean dryRun = List.of(args).contains("--dry-run");
        if (run.code() == 0 && !dryRun) {
          ok++;
          RepoFixture.Run validate = r.lattice("validate");
          assertThat(validate.code()).as("validate after a successful command\n" + context + validate.err()).isZero();
        } else {
          refused += run.code() == 0 ? 0 : 1;
          dryRuns += dryRun ? 1 : 0;
          assertThat(r.hashes()).as("files after a refused or dry-run command\n" + context).isEqualTo(before);
        }
      }
    }
    System.out.println("GitopsPropertyTest seed=" + base + ": " + SEQUENCES + " sequences, " + SEQUENCES * COMMANDS
        + " commands: " + ok + " applied, " + refused + " refused, " + dryRuns + " dry runs");
    assertThat(ok).as("seed " + base + ": enough commands succeed to mean something").isGreaterThan(SEQUENCES * COMMANDS / 6);
    assertThat(refused).as("seed " + base).isGreaterThan(SEQUENCES * COMMANDS / 10);
  }

  private static String[] command(SplittableRandom random, Path dir, int index) throws IOException {
    List<String> a = new ArrayList<>();
    String cluster = pick(random, CLUSTERS);
    String service = pick(random, SERVICES);
    switch (random.nextInt(13)) {
      case 0, 1, 11 -> {
        String name = pick(random, CLUSTERS);
        Path file = dir.resolve("cluster-" + index + ".yaml");
        Files.writeString(file, GitopsClusters.cluster(name, random.nextInt(2) == 0, pick(random, VERSIONS).replace("v", ""), 1 + random.nextInt(2)));
        a.addAll(List.of("cluster", "add", file.toString(), "--parent", random.nextInt(3) == 0 ? pick(random, CLUSTERS) : "mgmt"));
      }
      case 2 -> {
        a.addAll(List.of("cluster", "scale", cluster, "--workers", Integer.toString(random.nextInt(-1, 6))));
        if (random.nextBoolean()) {
          a.addAll(List.of("--pool", pick(random, new String[] {"default", "gpu", "big"})));
        }
      }
      case 3 -> a.addAll(List.of("cluster", "upgrade", cluster, "--k8s-version", pick(random, VERSIONS)));
      case 4 -> {
        a.addAll(List.of("cluster", "delete", cluster));
        if (random.nextInt(4) != 0) {
          a.add("--yes");
        }
        if (random.nextBoolean()) {
          a.add("--recursive");
        }
      }
      case 5 -> a.addAll(List.of("service", "register", service, "--git-url",
          random.nextInt(5) == 0 ? "git@example.com:" + service : "https://git.example.com/" + service,
          "--default-replicas", Integer.toString(random.nextInt(4))));
      case 6, 12 -> {
        a.addAll(List.of("placement", "create", service, "--cluster", cluster));
        if (random.nextBoolean()) {
          a.addAll(List.of("--replicas", Integer.toString(random.nextInt(5))));
        }
        if (random.nextBoolean()) {
          a.addAll(List.of("--env", pick(random, new String[] {"LOG_LEVEL=debug", "REGION=eu", "LATTICE_X=1", "MSG=a: b # c"})));
        }
      }
      case 7 -> a.addAll(List.of("placement", "scale", service, "--cluster", cluster, "--replicas", Integer.toString(random.nextInt(-1, 9))));
      case 8 -> a.addAll(List.of("placement", "delete", service, "--cluster", cluster));
      case 9 -> a.addAll(List.of("flux", random.nextBoolean() ? "suspend" : "resume", cluster));
      default -> a.addAll(List.of("flux", "set-version", pick(random, new String[] {"v2.4.0", "2.5.1", "v3.0.0", "v2.6"})));
    }
    if (random.nextInt(8) == 0) {
      a.add("--dry-run");
    }
    return a.toArray(String[]::new);
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
