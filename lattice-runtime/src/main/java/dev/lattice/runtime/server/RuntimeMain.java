package dev.lattice.runtime.server;

import dev.lattice.runtime.install.InstallManifests;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar lattice-runtime.jar controller|crds|install-manifests}. */
@Command(name = "lattice-runtime", mixinStandardHelpOptions = true,
    description = "The Lattice controller and its install artefacts.",
    subcommands = {ControllerCommand.class, RuntimeMain.Crds.class, RuntimeMain.Install.class})
public final class RuntimeMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: controller, crds or install-manifests");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new RuntimeMain()).execute(args));
  }

  /** Prints the CRDs. */
  @Command(name = "crds", description = "Print the CustomResourceDefinitions.")
  static final class Crds implements Runnable {
    @Override
    public void run() {
      System.out.print(InstallManifests.toYaml(InstallManifests.crds()));
    }
  }

  /** Prints every install document. */
  @Command(name = "install-manifests", description = "Print CRDs, Namespace, RBAC and the Deployment.")
  static final class Install implements Runnable {
    @Option(names = "--image", defaultValue = InstallManifests.DEFAULT_IMAGE)
    String image;

    @Option(names = "--cell", paramLabel = "CLUSTER", description = "Host the cell of this LatticeCluster (as lattice install-manifests --cell).")
    String cell;

    @Override
    public void run() {
      System.out.print(InstallManifests.toYaml(InstallManifests.all(image,
          java.util.Optional.ofNullable(cell).map(dev.lattice.runtime.install.CellInstall::of))));
    }
  }
}
