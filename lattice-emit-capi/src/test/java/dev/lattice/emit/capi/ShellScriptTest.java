package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell script and command list the cluster emitter writes parses under {@code /bin/sh} as
 * Debian and Ubuntu ship it (dash): each {@code files[].content} that starts with {@code #!} and each
 * entry of a {@code *Commands} list (cloud-init runs those with {@code sh -c}) goes through {@code
 * dash -n}, and {@code shellcheck -s sh} where it is installed; over every provider and bootstrap
 * fixture and generated clusters.
 */
class ShellScriptTest {
  private static final Path DASH = Path.of("/usr/bin/dash");
  private static final Path SHELLCHECK = Path.of("/usr/bin/shellcheck");

  @Test
  void everyEmbeddedScriptParsesUnderDash(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(DASH), "dash is not installed (apt-get install -y dash): scripts not checked");
    List<String> clusters = new ArrayList<>();
    for (String bootstrap : List.of("kubeadm", "rke2")) {
      clusters.addAll(List.of(Fixtures.docker(bootstrap), Fixtures.aws(bootstrap), Fixtures.proxmox(bootstrap),
          Fixtures.openstack(bootstrap)));
    }
    ClusterGenerator gen = new ClusterGenerator(new SplittableRandom(Long.getLong("lattice.seed", 20261123L)));
    for (int i = 0; i < 20; i++) {
      clusters.add(gen.cluster());
    }
    int scripts = 0;
    for (String cluster : clusters) {
      for (Document d : Fixtures.documents(cluster)) {
        List<String> found = new ArrayList<>();
        collect(d.json(), "", found);
        for (String script : found) {
          Path file = dir.resolve("script-" + scripts++ + ".sh");
          Files.writeString(file, script, StandardCharsets.UTF_8);
          assertThat(run(DASH.toString(), "-n", file.toString())).as(d.id() + ":\n" + script).isEmpty();
          if (Files.isExecutable(SHELLCHECK)) {
            assertThat(run(SHELLCHECK.toString(), "-s", "sh", "-S", "error", file.toString())).as(d.id() + ":\n" + script).isEmpty();
          }
        }
      }
    }
    assertThat(scripts).as("scripts found").isPositive();
  }

  /** Scripts ({@code #!} file contents) and {@code *Commands} entries anywhere in the tree. */
  private static void collect(JsonNode node, String key, List<String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("content") && e.getValue().isTextual() && e.getValue().asText().startsWith("#!")) {
          out.add(e.getValue().asText());
        } else {
          collect(e.getValue(), e.getKey(), out);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode n : node) {
        if (key.endsWith("Commands") && n.isTextual()) {
          out.add(n.asText() + "\n");
        } else {
          collect(n, key, out);
        }
      }
    }
  }

  /** The output (stderr merged) of a command; empty when it succeeds silently. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    return rc == 0 ? output.strip() : "exit " + rc + ": " + output.strip();
  }
}
