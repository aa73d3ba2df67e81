package dev.lattice.cli;

import dev.lattice.compiler.Compilation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code lattice validate PATH...}: prints every diagnostic; exit 0 when there are no errors. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check Lattice documents and print diagnostics.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Compilation result = input.compiler().build().validate(input.read());
    var err = spec.commandLine().getErr();
    DiagnosticPrinter.print(result.diagnostics(), input.diagnostics, err);
    if (result.hasErrors()) {
      return LatticeCommand.INPUT_ERRORS;
    }
    if (input.diagnostics == DiagnosticPrinter.Format.text) {
      long objects = result.plan().map(p -> (long) p.members().size() + p.externals().size() + p.clusters().size()).orElse(0L);
      spec.commandLine().getOut().println("ok: " + objects + " object" + (objects == 1 ? "" : "s") + " valid");
    }
    return LatticeCommand.OK;
  }
}
