package dev.lattice.cli;

import dev.lattice.runtime.install.InstallManifests;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lattice crds} and {@code lattice install-manifests}: print the generated install artefacts as YAML. */
final class InstallCommands {
  private InstallCommands() {}

  /** The CustomResourceDefinitions of every Lattice kind. */
  @Command(name = "crds", mixinStandardHelpOptions = true,
      description = "Print the CustomResourceDefinitions of the Lattice kinds (derived from the model).")
  static final class Crds implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(InstallManifests.toYaml(InstallManifests.crds()));
      return LatticeCommand.OK;
    }
  }

  /** CRDs, Namespace, RBAC and the controller Deployment. */
  @Command(name = "install-manifests", mixinStandardHelpOptions = true,
      description = "Print everything needed to run the controller: CRDs, lattice-system Namespace, RBAC, Deployment.")
  static final class Install implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--image", description = "Controller image (default: ${DEFAULT-VALUE}).")
    String image = InstallManifests.DEFAULT_IMAGE;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(InstallManifests.toYaml(InstallManifests.all(image)));
      return LatticeCommand.OK;
    }
  }
}
