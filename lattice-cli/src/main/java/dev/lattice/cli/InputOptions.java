package dev.lattice.cli;

import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options every command shares: the input paths, the trust domain, the diagnostics format. */
final class InputOptions {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "YAML/JSON files or directories (read recursively); - reads standard input")
  List<Path> paths;

  @Option(names = "--trust-domain", defaultValue = "cluster.local", description = "SPIFFE trust domain (default: ${DEFAULT-VALUE})")
  String trustDomain;

  @Option(names = "--diagnostics", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  DiagnosticPrinter.Format diagnostics;

  @Option(names = "--max-input-size", paramLabel = "SIZE", defaultValue = "256Mi", converter = InputFiles.Size.class,
      description = "refuse any input file larger than SIZE: bytes, or with Ki, Mi, Gi (default: ${DEFAULT-VALUE})")
  long maxInputSize;

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE) picocli.CommandLine.Model.CommandSpec spec;

  /** Reads the paths ({@code -} is standard input). */
  Sources read() {
    return InputFiles.read(paths, maxInputSize, LatticeCommand.stdin(spec), spec.commandLine());
  }

  LatticeCompiler.Builder compiler() {
    return LatticeCompiler.builder().trustDomain(trustDomain);
  }
}
