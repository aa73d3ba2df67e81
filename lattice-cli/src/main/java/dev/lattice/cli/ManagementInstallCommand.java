package dev.lattice.cli;

import dev.lattice.model.LatticeCluster;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import dev.lattice.runtime.install.InstallManifests;
import dev.lattice.runtime.install.management.InstallException;
import dev.lattice.runtime.install.management.ManagementInstall;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lattice install --config management.yaml}: the README's first command. Reads the
 * LatticeCluster in the file (diagnostics and exit 1 when it does not read), then runs or, with
 * {@code --dry-run}, prints the steps of {@link ManagementInstall} with the {@code kind},
 * {@code clusterctl} and {@code kubectl} on PATH; a failed step exits 1 and a re-run continues from it.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = "Make the LatticeCluster in --config a self-managing management cluster: a temporary kind cluster, "
        + "clusterctl init, Lattice, the cluster provisioned, pivoted into itself, the kind cluster deleted. Re-run to resume.")
final class ManagementInstallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, description = "The file with the management cluster's LatticeCluster (and its CloudProvider).")
  Path config;

  @Option(names = "--bootstrap", defaultValue = "kind", description = "kind (a temporary kind cluster) or existing (the current kubeconfig's cluster).")
  String bootstrap;

  @Option(names = "--dry-run", description = "Print each step, its commands and the documents; run nothing.")
  boolean dryRun;

  @Option(names = "--bootstrap-name", defaultValue = "lattice-bootstrap", description = "The kind cluster's name.")
  String bootstrapName;

  @Option(names = "--image", defaultValue = InstallManifests.DEFAULT_IMAGE, description = "The controller image.")
  String image;

  @Option(names = "--image-archive", description = "An image tar (jib:buildTar) loaded into the kind cluster.")
  Path imageArchive;

  @Option(names = "--work-dir", defaultValue = ".lattice-install", description = "Where the kubeconfigs are written.")
  Path workDir;

  @Option(names = "--timeout", defaultValue = "30m", description = "How long each wait may take (kubectl's duration).")
  String timeout;

  private final String path;

  ManagementInstallCommand() {
    this(Optional.ofNullable(System.getenv("PATH")).orElse(""));
  }

  /** A command that looks the tools up on {@code path} (tests: a directory of recorded fakes). */
  ManagementInstallCommand(String path) {
    this.path = path;
  }

  @Override
  public Integer call() throws Exception {
    if (!bootstrap.equals("kind") && !bootstrap.equals("existing")) {
      throw new ParameterException(spec.commandLine(), "--bootstrap is kind or existing, not " + bootstrap);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(config)) {
      throw new ParameterException(spec.commandLine(), "--config " + config + ": no such file");
    }
    ReadResult read = new LatticeReader().readString(config.toString(), Files.readString(config));
    DiagnosticPrinter.print(read.diagnostics(), DiagnosticPrinter.Format.text, err);
    if (read.hasErrors()) {
      return LatticeCommand.INPUT_ERRORS;
    }
    List<LatticeCluster> clusters = read.objects().stream().map(SourcedObject::object)
        .filter(LatticeCluster.class::isInstance).map(LatticeCluster.class::cast).toList();
    if (clusters.size() != 1) {
      err.println(config + ": error: lattice install needs exactly one LatticeCluster in --config, found " + clusters.size());
      err.flush();
      return LatticeCommand.INPUT_ERRORS;
    }
    LatticeCluster cluster = clusters.get(0);
    String infrastructure = cluster.spec().provider().config().present().stream().findFirst()
        .map(p -> p.wire()).orElse("docker");
    ManagementInstall install = new ManagementInstall(new ManagementInstall.Settings(config.toAbsolutePath(),
        cluster.metadata().name(), infrastructure, cluster.spec().provider().kubernetes().bootstrap().wire(),
        cluster.spec().parentConfig().isPresent(), bootstrap.equals("kind"), bootstrapName, image,
        Optional.ofNullable(imageArchive).map(Path::toAbsolutePath), workDir.toAbsolutePath(), timeout),
        path, out);
    if (dryRun) {
      install.dryRun();
      return LatticeCommand.OK;
    }
    try {
      install.run();
      return LatticeCommand.OK;
    } catch (InstallException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return LatticeCommand.INPUT_ERRORS;
    }
  }
}
