package dev.lattice.emit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.conformance.CheckReport;
import dev.lattice.conformance.KubernetesValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every emitted document passes the strict upstream-schema validator (lattice-conformance, offline). */
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

  /** Validates {@code path} with the bundled upstream schemas (lattice-conformance); fails on a problem. */
  static String validate(Path path) throws IOException {
    CheckReport report = KubernetesValidator.bundled().validatePaths(List.of(path));
    assertThat(report.ok()).as(report.text()).isTrue();
    return report.text();
  }
}
