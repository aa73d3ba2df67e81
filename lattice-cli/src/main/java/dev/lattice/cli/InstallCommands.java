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
      description = "Print everything needed to run the controller: CRDs, lattice-system Namespace, RBAC, Deployment"
          + " (with --cell: the cell's volume and Service).")
  static final class Install implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--image", description = "Controller image (default: ${DEFAULT-VALUE}).")
    String image = InstallManifests.DEFAULT_IMAGE;

    @Option(names = "--cell", paramLabel = "CLUSTER",
        description = "Host the cell of this LatticeCluster in the controller: --cell-* args, ports, a PersistentVolumeClaim, a Service.")
    String cell;

    @Option(names = "--cell-service-type", description = "ClusterIP, NodePort or LoadBalancer (default: ${DEFAULT-VALUE}).")
    String cellServiceType = "LoadBalancer";

    @Option(names = "--cell-storage", description = "Size of the cell's data volume (default: ${DEFAULT-VALUE}).")
    String cellStorage = "1Gi";

    @Option(names = "--cell-storage-class", description = "StorageClass of the cell's data volume (default: the cluster's default).")
    String cellStorageClass;

    @Override
    public Integer call() {
      java.util.Optional<dev.lattice.runtime.install.CellInstall> hosted;
      try {
        hosted = java.util.Optional.ofNullable(cell).map(c -> dev.lattice.runtime.install.CellInstall.of(c)
            .withServiceType(cellServiceType).withStorage(cellStorage, java.util.Optional.ofNullable(cellStorageClass)));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      spec.commandLine().getOut().print(InstallManifests.toYaml(InstallManifests.all(image, hosted)));
      return LatticeCommand.OK;
    }
  }
}
