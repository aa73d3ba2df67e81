package dev.lattice.cli;

import dev.lattice.cli.gitops.RepoTree;
import dev.lattice.cli.gitops.RepoValidator;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.model.diagnostics.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lattice validate PATH...}: prints every diagnostic; exit 0 when there are no errors. Without
 * PATH it validates the GitOps repository at {@code --repo} (default: the current directory): the
 * layout, every document, the kustomizations and the references; a folder that is not a Lattice
 * repository is then a usage error.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check Lattice documents (PATH...) or, without PATH, the whole GitOps repository at --repo.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "PATH", description = "YAML/JSON files or directories (read recursively); - reads standard input")
  List<Path> paths;

  @Option(names = "--max-input-size", paramLabel = "SIZE", defaultValue = "256Mi", converter = InputFiles.Size.class,
      description = "refuse any input file larger than SIZE: bytes, or with Ki, Mi, Gi (default: ${DEFAULT-VALUE})")
  long maxInputSize;

  @Option(names = "--trust-domain", defaultValue = "cluster.local", description = "SPIFFE trust domain (default: ${DEFAULT-VALUE})")
  String trustDomain;

  @Option(names = "--diagnostics", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  DiagnosticPrinter.Format diagnostics;

  @Mixin RepoOptions repo;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LatticeCompiler compiler = LatticeCompiler.builder().trustDomain(trustDomain).build();
    if (paths == null || paths.isEmpty()) {
      return repository(compiler);
    }
    Compilation result = compiler.validate(InputFiles.read(paths, maxInputSize, LatticeCommand.stdin(spec), spec.commandLine()));
    var err = spec.commandLine().getErr();
    DiagnosticPrinter.print(result.diagnostics(), diagnostics, err);
    if (result.hasErrors()) {
      return LatticeCommand.INPUT_ERRORS;
    }
    if (diagnostics == DiagnosticPrinter.Format.text) {
      long objects = result.plan().map(p -> (long) p.members().size() + p.externals().size() + p.clusters().size()).orElse(0L);
      spec.commandLine().getOut().println("ok: " + objects + " object" + (objects == 1 ? "" : "s") + " valid");
    }
    return LatticeCommand.OK;
  }

  private int repository(LatticeCompiler compiler) {
    if (!RepoOptions.isRepository(repo.repo)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no PATH given and " + repo.repo.toAbsolutePath().normalize()
          + " is not a Lattice repository (no cluster.yaml or .lattice/): pass PATH... or --repo DIR");
    }
    RepoTree tree = RepoTree.read(repo.repo);
    List<Diagnostic> found = new RepoValidator(compiler).validate(tree);
    DiagnosticPrinter.print(found, diagnostics, spec.commandLine().getErr());
    if (RepoValidator.hasErrors(found)) {
      return LatticeCommand.INPUT_ERRORS;
    }
    if (diagnostics == DiagnosticPrinter.Format.text) {
      spec.commandLine().getOut().println("ok: repository valid (" + tree.files().size() + " files)");
    }
    return LatticeCommand.OK;
  }
}
