package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.conformance.CheckReport;
import dev.lattice.conformance.KubernetesValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flux documents the repository commands write (registrations: GitRepository + Kustomization;
 * each child's Kustomization) pass the upstream schemas strictly; and, where {@code kubectl} is
 * installed, every cluster folder builds with kustomize (as Flux builds it) into documents whose
 * Flux kinds pass too, placement patches applied.
 */
class GitopsConformanceTest {

  static RepoFixture fleet(Path dir) throws IOException {
    RepoFixture r = GitopsRefusalTest.populated(dir);
    for (String[] args : List.of(
        new String[] {"service", "register", "api", "--git-url", "ssh://git@github.com/example/api", "--git-path", "k8s", "--branch", "release-1"},
        new String[] {"placement", "create", "api", "--cluster", "site", "--replicas", "3", "--env", "LOG_LEVEL=debug"},
        new String[] {"placement", "create", "web", "--cluster", "mgmt", "--env", "MSG=a: b"},
        new String[] {"flux", "suspend", "site"})) {
      assertThat(r.lattice(args).code()).as(String.join(" ", args)).isZero();
    }
    return r;
  }

  @Test
  void generatedFluxDocumentsPassTheUpstreamSchemas(@TempDir Path dir) throws Exception {
    RepoFixture r = fleet(dir);
    Path out = Files.createDirectories(dir.resolve("flux"));
    int documents = 0;
    try (Stream<Path> walk = Files.walk(r.repo)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = r.repo.relativize(p).toString();
        boolean registration = rel.startsWith("registrations/") && !rel.endsWith("kustomization.yaml");
        if (registration || rel.endsWith("/flux.yaml")) {
          Files.copy(p, out.resolve(rel.replace('/', '_')));
          documents += registration ? 2 : 1;
        }
      }
    }
    assertThat(documents).isEqualTo(2 * 2 + 4);
    String report = ConformanceTest.run(out);
    assertThat(report).contains(documents + " passed, 0 failed");
    System.out.println("gitops conformance: " + documents + " generated Flux documents pass the upstream schemas");
  }

  @Test
  void everyClusterFolderBuildsWithKustomize(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(kubectl(), "kubectl is not installed");
    RepoFixture r = fleet(dir);
    Path out = Files.createDirectories(dir.resolve("built"));
    int built = 0;
    for (String folder : List.of("", "children/edge", "children/region", "children/region/children/site", "children/auto", "registrations")) {
      Process p = new ProcessBuilder("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", r.repo.resolve(folder).toString())
          .redirectErrorStream(true).start();
      String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(folder + ":\n" + yaml).isZero();
      if (folder.equals("children/region/children/site")) {
        assertThat(yaml).contains("LATTICE_REPLICAS: \"3\"", "LOG_LEVEL: debug", "name: api");
      }
      Files.writeString(out.resolve((folder.isEmpty() ? "root" : folder.replace('/', '_')) + ".yaml"), yaml);
      built++;
    }
    String report = runAllowUnknown(out);
    assertThat(report).contains(" 0 failed");
    System.out.println("gitops kustomize: " + built + " folders built; upstream schemas: " + report.lines().filter(l -> l.contains("passed")).findFirst().orElse(""));
  }

  private static boolean kubectl() {
    try {
      return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String runAllowUnknown(Path target) throws IOException {
    CheckReport report = KubernetesValidator.builder().allowUnknownKinds(true).build().validatePaths(List.of(target));
    assertThat(report.ok()).as(report.text()).isTrue();
    return report.text();
  }
}
