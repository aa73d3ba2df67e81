package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lattice bench} on a tiny fleet: the shape of the report, never its timings. */
class BenchCommandTest {
  @Test
  void printsATableOfMediansEndingWithTheRatioLine() {
    CliTest.Run r = CliTest.run("bench", "--services", "40", "--iterations", "3", "--warmup", "1");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).matches("lattice bench: 40 services, 1 namespaces, \\d+ input objects, \\d+ documents .*");
    assertThat(lines.get(1)).matches("stage\\s+median ms\\s+min ms");
    for (String stage : List.of("parse", "parse floor \\(Jackson trees\\)", "derive", "derive\\+YAML", "YAML-only \\(Jackson\\)", "YAML-only \\(streaming\\)", "derive\\+JSON",
        "JSON-only \\(Jackson\\)", "recompile after 1 edit \\(full\\)",
        "recompile after 1 edit \\(incremental\\)", "undo the edit \\(incremental\\)")) {
      assertThat(lines).as(stage).anyMatch(l -> l.matches(stage + "\\s+\\d+\\.\\d \\s+\\d+\\.\\d"));
    }
    assertThat(lines).anyMatch(l -> l.matches("peak heap\\s+\\d+ MiB .*"));
    assertThat(lines).anyMatch(l -> l.matches(
        "incremental recompile: incremental, \\d+ affected addresses, \\d+ objects derived twice; output equal to the full compile"));
    assertThat(lines).anyMatch(l -> l.matches("ratio parse/parse floor = \\d+\\.\\d\\d \\(parse: .*"));
    assertThat(lines).anyMatch(l -> l.matches("ratio compile\\+JSON/JSON-only = \\d+\\.\\d\\d"));
    assertThat(lines).anyMatch(l -> l.matches("ratio streaming YAML/Jackson JSON = \\d+\\.\\d\\d"));
    assertThat(lines.get(lines.size() - 2)).matches("ratio compile\\+serialize/serialize-only = \\d+\\.\\d\\d");
    assertThat(lines.get(lines.size() - 1)).matches("check: \\d+ documents/s \\(median\\), 0 of \\d+ documents failing the upstream schemas");
  }

  @Test
  void endToEndRunsTheRealCommandsAsNewJvmsBesideTheParseFloor() {
    CliTest.Run r = CliTest.run("bench", "--services", "20", "--end-to-end", "--iterations", "1", "--warmup", "0");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).matches("lattice bench --end-to-end: \\d+ workloads in 1 file and in \\d+ files .*");
    for (String command : List.of("lattice --version", "Jackson parse floor, 1 file", "lattice validate, 1 file",
        "lattice compile, 1 file", "Jackson parse floor, N files", "lattice validate, N files", "lattice compile, N files",
        "streaming YAML writer alone")) {
      assertThat(lines).as(command).anyMatch(l -> l.matches(java.util.regex.Pattern.quote(command) + "\\s+\\d+\\.\\d \\s+\\d+\\.\\d"));
    }
    assertThat(lines.get(lines.size() - 1)).matches("ratio compile/parse floor, N files = \\d+\\.\\d\\d");
  }

  @Test
  void aCommandLineBuildsOnlyTheCommandItNames() {
    assertThat(LatticeCommand.commandsFor(new String[] {"--version"})).isEmpty();
    assertThat(LatticeCommand.commandsFor(new String[] {"validate", "x.yaml"})).containsExactly(ValidateCommand.class);
    assertThat(LatticeCommand.commandsFor(new String[] {"--help"})).isEqualTo(LatticeCommand.COMMANDS);
    assertThat(LatticeCommand.commandsFor(new String[] {"vlidate"})).isEqualTo(LatticeCommand.COMMANDS);
    CliTest.Run help = CliTest.run("--help");
    for (Class<?> c : LatticeCommand.COMMANDS) {
      assertThat(help.out()).contains(c.getAnnotation(picocli.CommandLine.Command.class).name());
    }
  }

  @Test
  void tooSmallAFleetIsAUsageError() {
    assertThat(CliTest.run("bench", "--services", "3").code()).isEqualTo(2);
    assertThat(CliTest.run("bench").code()).isEqualTo(2);
  }
}
