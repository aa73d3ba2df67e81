package dev.lattice.cli;

import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options every command shares: the input paths, the trust domain, the diagnostics format. */
final class InputOptions {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "YAML/JSON files or directories (read recursively)")
  List<Path> paths;

  @Option(names = "--trust-domain", defaultValue = "cluster.local", description = "SPIFFE trust domain (default: ${DEFAULT-VALUE})")
  String trustDomain;

  @Option(names = "--diagnostics", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  DiagnosticPrinter.Format diagnostics;

  Sources read() {
    return Sources.fromPaths(paths);
  }

  LatticeCompiler.Builder compiler() {
    return LatticeCompiler.builder().trustDomain(trustDomain);
  }
}
