package dev.lattice.cli;

import dev.lattice.cli.gitops.FluxEdits;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lattice flux set-version|suspend|resume}. */
@Command(name = "flux", mixinStandardHelpOptions = true, description = "Set the Flux version; suspend or resume Flux for a cluster.")
final class FluxCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: set-version, suspend or resume");
  }

  private CommandLine sub(String name) {
    return spec.commandLine().getSubcommands().get(name);
  }

  @Command(name = "set-version", mixinStandardHelpOptions = true, description = "The Flux version Lattice installs on the clusters it creates.")
  int setVersion(@Parameters(paramLabel = "V", description = "e.g. v2.4.0") String version,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    return Gitops.mutate(sub("set-version"), repo, dryRun, tree -> FluxEdits.setVersion(tree, version));
  }

  @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Stop Flux applying the cluster's folder (spec.suspend: true).")
  int suspend(@Parameters(paramLabel = "CLUSTER") String cluster,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    return Gitops.mutate(sub("suspend"), repo, dryRun, tree -> FluxEdits.suspend(tree, cluster, true));
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Let Flux apply the cluster's folder again (spec.suspend: false).")
  int resume(@Parameters(paramLabel = "CLUSTER") String cluster,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    return Gitops.mutate(sub("resume"), repo, dryRun, tree -> FluxEdits.suspend(tree, cluster, false));
  }
}
