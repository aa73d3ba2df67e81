package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Severity;
import java.util.List;
import java.util.stream.Collectors;

/** Inputs and assertions shared by the per-code diagnostic tests. */
abstract class DiagnosticCases {
  static final String FILE = "t.yaml";
  static final String SERVICE_HEAD = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata:
        name: web
      spec:
      """;
  static final String CLUSTER_HEAD = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeCluster
      metadata:
        name: lab
      spec:
      """;

  final LatticeReader reader = new LatticeReader();

  ReadResult read(String text) {
    return reader.readString(FILE, text);
  }

  /** Reads {@code text}, which must yield exactly one diagnostic, with {@code code}. */
  Diagnostic only(String text, String code) {
    ReadResult r = read(text);
    assertThat(r.diagnostics()).as(render(r)).hasSize(1);
    return single(r, code);
  }

  static Diagnostic single(ReadResult r, String code) {
    List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    assertThat(found).as("exactly one " + code + " in:\n" + render(r)).hasSize(1);
    return found.get(0);
  }

  static void assertAt(Diagnostic d, Severity severity, int line, int column, String path) {
    assertThat(d.severity()).as(d.render()).isEqualTo(severity);
    assertThat(d.position().file()).as(d.render()).isEqualTo(d.position().file().endsWith(".json") ? "t.json" : FILE);
    assertThat(d.position().line() + ":" + d.position().column()).as(d.render()).isEqualTo(line + ":" + column);
    assertThat(d.path()).as(d.render()).isEqualTo(path);
  }

  static String render(ReadResult r) {
    return r.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
  }
}
