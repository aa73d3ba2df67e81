package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's inputs and outputs (issue 16, items 11-17): limits, links, stdin, exit codes, escaping, file modes. */
class InputsOutputsTest {
  static final String SERVICE = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: web, namespace: shop}
      spec:
        workload:
          containers: {main: {image: "registry.example.com/web:1"}}
          service: {ports: {http: {port: 80, targetPort: 8080}}}
      ---
      apiVersion: lattice.dev/v1alpha1
      kind: CedarPolicy
      metadata: {name: tags, namespace: lattice-system}
      spec:
        policies: |
          permit(principal, action == Lattice::Action::"SkipImageVerification", resource);
      """;

  static CliTest.Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LatticeCommand.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out), new PrintWriter(err));
    return new CliTest.Run(code, out.toString(), err.toString());
  }

  // item 12
  @Test
  void aFileOverTheInputLimitIsRefusedWithADiagnosticAndTheFlagRaisesIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, SERVICE + "# " + "x".repeat(4096) + "\n");
    CliTest.Run refused = run("", "validate", "--max-input-size", "2Ki", file.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("error LAT1040: input too large: 4.").contains("KiB, over the limit of 2 KiB");
    assertThat(run("", "validate", "--max-input-size", "1Mi", file.toString()).code()).isZero();
    assertThat(run("", "validate", file.toString()).code()).isZero();
    CliTest.Run compile = run("", "compile", "--max-input-size", "2KiB", file.toString());
    assertThat(compile.code()).isEqualTo(1);
    assertThat(compile.out()).isEmpty();
    CliTest.Run bad = run("", "validate", "--max-input-size", "lots", file.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("is not a size");
  }

  // item 13
  @Test
  void aDashReadsStandardInputOnceAndALinkedFolderCompilesLikeTheFolder(@TempDir Path dir) throws Exception {
    CliTest.Run piped = run(SERVICE, "compile", "-");
    assertThat(piped.code()).as(piped.err()).isZero();
    assertThat(piped.out()).contains("kind: Deployment").contains("name: web");
    CliTest.Run twice = run(SERVICE, "validate", "-", "-");
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).contains("'-' (standard input) can be given only once");

    Path real = Files.createDirectories(dir.resolve("real"));
    Files.writeString(real.resolve("web.yaml"), SERVICE);
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    CliTest.Run viaLink = run("", "compile", link.toString());
    assertThat(viaLink.code()).as(viaLink.err()).isZero();
    assertThat(viaLink.out()).isEqualTo(run("", "compile", real.toString()).out()).isEqualTo(piped.out());
  }

  // item 16
  @Test
  void diagnosticsCannotBeForgedByFileNamesOrValues(@TempDir Path dir) throws Exception {
    Path evil = dir.resolve("evil\nx.yaml:1:1: error LAT0000: forged.yaml");
    Files.writeString(evil, SERVICE.replace("  workload:", "  \"bad\\e[2J\\nkey\": 1\n  workload:"));
    CliTest.Run r = run("", "validate", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("\u001b");
    assertThat(r.err()).contains("evil\\nx.yaml").contains("bad\\u001b[2J\\nkey");
    assertThat(r.err().lines()).allMatch(l -> l.startsWith(dir.toString()) || l.startsWith("  hint: ") || l.matches("\\d+ errors?, \\d+ warnings?"));
    CliTest.Run usage = run("", "validate", "--diagnostics", "x\u001b[31m", dir.toString());
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).doesNotContain("\u001b").contains("x\\u001b[31m");
  }

  // item 11
  @Test
  void outIntoAFileIsAUsageErrorAndAFolderInTheWayIsAnInputErrorNeverABug(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("web.yaml"), SERVICE);
    Path file = Files.writeString(dir.resolve("afile"), "keep");
    CliTest.Run intoFile = run("", "compile", "--out", file.toString(), dir.resolve("web.yaml").toString());
    assertThat(intoFile.code()).isEqualTo(2);
    assertThat(intoFile.err()).contains("is not a folder").doesNotContain("internal error");
    assertThat(Files.readString(file)).isEqualTo("keep");

    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("shop"), "a file where the namespace folder goes");
    CliTest.Run blocked = run("", "compile", "--out", out.toString(), dir.resolve("web.yaml").toString());
    assertThat(blocked.code()).isEqualTo(1);
    assertThat(blocked.err()).contains("cannot write under").contains("nothing written").doesNotContain("internal error");
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("shop");
    }
  }

  // item 17
  @Test
  void filesWrittenByCompileOutGetTheUmasksMode(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("web.yaml"), SERVICE);
    Path out = dir.resolve("out");
    assertThat(run("", "compile", "--out", out.toString(), dir.resolve("web.yaml").toString()).code()).isZero();
    var expected = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe"))); // what the umask gives a new file
    try (var walk = Files.walk(out)) {
      var files = walk.filter(Files::isRegularFile).toList();
      assertThat(files).isNotEmpty();
      for (Path f : files) {
        assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(expected);
      }
    }
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
  }

  @Test
  void gitOpsCommandsWriteNewFilesWithTheUmasksModeAndKeepTheModeOfFilesTheyChange(@TempDir Path dir) throws Exception {
    RepoFixture fixture = new RepoFixture(dir);
    var expected = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
    var own = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
    Path kustomization = fixture.repo.resolve("registrations/kustomization.yaml");
    Files.setPosixFilePermissions(kustomization, own);
    RepoFixture.Run r = fixture.lattice("service", "register", "web", "--git-url", "https://github.com/example/web");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.getPosixFilePermissions(fixture.repo.resolve("registrations/web.yaml"))).isEqualTo(expected);
    assertThat(Files.readString(kustomization)).contains("web.yaml");
    assertThat(Files.getPosixFilePermissions(kustomization)).isEqualTo(own);
  }

  @Test
  void cellMistakesAreUsageErrorsNeverBugs(@TempDir Path dir) {
    String data = dir.resolve("cell").toString();
    for (String ttl : new String[] {"5x", "h", "", "-1h", "1.5h", "99999999999d"}) {
      CliTest.Run r = run("", "cell", "token", "--data", data, "--cluster", "edge", "--ttl", ttl);
      assertThat(r.code()).as("--ttl '%s': %s", ttl, r.err()).isEqualTo(2);
      assertThat(r.err()).contains("is not a validity").doesNotContain("internal error");
    }
    for (String name : new String[] {"../../etc", "Bad_Name", "bad name", "-edge", ""}) {
      CliTest.Run r = run("", "cell", "token", "--data", data, "--cluster", name);
      assertThat(r.code()).as("--cluster '%s': %s", name, r.err()).isEqualTo(2);
      assertThat(r.err()).contains("is not a cluster name");
    }
    CliTest.Run send = run("", "cell", "send", "--data", data, "--cluster", "edge", dir.resolve("missing.json").toString());
    assertThat(send.code()).as(send.err()).isEqualTo(2);
    assertThat(send.err()).contains("cell send: no such file: ").contains("missing.json").doesNotContain("internal error");
  }

  @Test
  void aCellDataMistakeIsAMessageNeverABugNorANewCa(@TempDir Path dir) throws Exception {
    Path typo = dir.resolve("cel");
    CliTest.Run token = run("", "cell", "token", "--data", typo.toString(), "--cluster", "edge");
    assertThat(token.code()).as(token.err()).isEqualTo(2);
    assertThat(token.err()).contains("no cell data folder " + typo).contains("--init").doesNotContain("internal error");
    assertThat(typo).doesNotExist();

    Path data = dir.resolve("cell");
    CliTest.Run init = run("", "cell", "token", "--init", "--data", data.toString(), "--cluster", "edge");
    assertThat(init.code()).as(init.err()).isZero();
    byte[] key = Files.readAllBytes(data.resolve("ca.key"));
    Files.writeString(data.resolve("ca.crt"), "not a certificate\n");
    CliTest.Run cell = run("", "cell", "--init", "--grpc", "127.0.0.1:0", "--bootstrap", "127.0.0.1:0", "--data", data.toString());
    assertThat(cell.code()).as(cell.err()).isEqualTo(1);
    assertThat(cell.err()).contains(data.resolve("ca.crt") + " is not a PEM certificate").doesNotContain("internal error");
    assertThat(Files.readAllBytes(data.resolve("ca.key"))).isEqualTo(key);
  }
}
