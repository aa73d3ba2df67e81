package dev.lattice.emit.istio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lattice.compiler.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every emitted document passes {@code shared/tools/validate-k8s} (strict, offline schemas). */
class ConformanceTest {
  static final String LONG_MEMBER = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeMeshMember
      metadata: {name: %s, namespace: ops}
      spec:
        target: {namespace: ops}
        ports: [{port: 9100, name: metrics}]
        allowedCallers: [{name: api, namespace: shop}]
        egress: [{fqdn: "*.s3.amazonaws.com", ports: [443]}, {cidr: "192.168.10.0/24", ports: [22, 2222]},
          {cidr: "192.168.20.7", ports: [8443]}, {fqdn: "any-port.example.com"}]
      """.formatted("node-exporter-" + "x".repeat(50) + "-collector");

  @TempDir
  Path dir;

  @Test
  void emittedDocumentsPassTheStrictValidator() throws Exception {
    Map<String, String> texts = new LinkedHashMap<>(Fleets.shop());
    texts.put("long.yaml", LONG_MEMBER);
    Compilation c = Fleets.compile(texts);
    assertThat(c.documents()).hasSizeGreaterThan(6);
    assertThat(c.documents()).anyMatch(d -> d.name().length() == 63 && d.name().startsWith("allow-to-node-exporter-"));
    Path out = dir.resolve("istio.yaml");
    Files.writeString(out, c.toYaml(), StandardCharsets.UTF_8);
    String report = validate(out);
    assertThat(report).as(report).contains(c.documents().size() + " passed, 0 failed");
  }

  /** Runs the validator on {@code path}; fails the test when it is missing or reports a problem. */
  static String validate(Path path) throws IOException, InterruptedException {
    String shared = System.getProperty("lattice.shared");
    if (shared == null) {
      fail("system property lattice.shared is not set (surefire sets it to ../shared); cannot find validate-k8s");
    }
    Path tool = Path.of(shared, "tools", "validate-k8s");
    if (!Files.isExecutable(tool)) {
      fail("validate-k8s is missing or not executable at " + tool.toAbsolutePath().normalize()
          + ": check out the shared data beside the repository or pass -Dlattice.shared=DIR");
    }
    Process p = new ProcessBuilder(tool.toString(), path.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("validate-k8s did not finish in 5 minutes:\n" + output);
    }
    assertThat(p.exitValue()).as("validate-k8s exit code; output:\n%s", output).isZero();
    return output;
  }
}
