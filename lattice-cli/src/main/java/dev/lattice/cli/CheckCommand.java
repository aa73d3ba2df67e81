package dev.lattice.cli;

import dev.lattice.conformance.CheckReport;
import dev.lattice.conformance.KubernetesValidator;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lattice check [--schemas DIR]... [--allow-unknown] FILE|DIR...}: validates any Kubernetes
 * YAML or JSON — ours, Helm output, hand-written manifests — offline against the bundled upstream
 * schemas, as strictly as {@code kubectl --validate=strict}; exit 1 when a document fails.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Validate Kubernetes YAML/JSON (FILE|DIR...) offline against the bundled upstream schemas.")
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "YAML/JSON files or folders (read recursively; hidden entries skipped)")
  List<Path> paths;

  @Option(names = "--schemas", paramLabel = "DIR",
      description = "more schemas, winning over the bundled ones: <group|core>/<version>/<Kind>.json files "
          + "or CustomResourceDefinition manifests (repeatable)")
  List<Path> schemas = new ArrayList<>();

  @Option(names = "--allow-unknown", description = "skip documents whose kind has no schema (a warning) instead of failing them")
  boolean allowUnknown;

  @Option(names = "--diagnostics", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  DiagnosticPrinter.Format diagnostics;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CheckReport report;
    try {
      report = validator().validatePaths(paths);
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getFile() + ": no such file or folder");
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot read the input: " + e.getMessage());
    }
    DiagnosticPrinter.print(ViolationDiagnostics.of(report.violations()), diagnostics, spec.commandLine().getErr());
    if (diagnostics == DiagnosticPrinter.Format.text) {
      int files = report.files().size();
      spec.commandLine().getOut().println((report.ok() ? "ok: " : "") + report.passed() + " passed, " + report.failed()
          + " failed" + (report.skipped() > 0 ? ", " + report.skipped() + " skipped (unknown kinds)" : "")
          + " in " + files + " file" + (files == 1 ? "" : "s"));
    }
    return report.ok() ? LatticeCommand.OK : LatticeCommand.INPUT_ERRORS;
  }

  private KubernetesValidator validator() {
    KubernetesValidator.Builder b = KubernetesValidator.builder().allowUnknownKinds(allowUnknown);
    for (Path dir : schemas) {
      try {
        b.schemas(dir);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--schemas: " + e.getMessage());
      }
    }
    return b.build();
  }
}
