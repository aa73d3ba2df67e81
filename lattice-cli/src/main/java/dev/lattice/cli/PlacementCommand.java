package dev.lattice.cli;

import dev.lattice.cli.gitops.Listings;
import dev.lattice.cli.gitops.ServiceEdits;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lattice placement create|scale|delete|list}: a registered service on a cluster, as a kustomize patch. */
@Command(name = "placement", mixinStandardHelpOptions = true, description = "Place registered services on clusters, scale and list placements.")
final class PlacementCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: create, scale, delete or list");
  }

  private CommandLine sub(String name) {
    return spec.commandLine().getSubcommands().get(name);
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Place a registered service on a cluster.")
  int create(@Parameters(paramLabel = "SVC") String service,
      @Option(names = "--cluster", required = true, paramLabel = "C") String cluster,
      @Option(names = "--replicas", paramLabel = "N", description = "default: the service's --default-replicas") Integer replicas,
      @Option(names = "--env", paramLabel = "K=V", description = "a variable for the service's manifests (repeatable)") Map<String, String> env,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    CommandLine cmd = sub("create");
    if (replicas != null && replicas < 0) {
      throw new CommandLine.ParameterException(cmd, "--replicas must be 0 or more");
    }
    return Gitops.mutate(cmd, repo, dryRun, tree -> ServiceEdits.place(tree, service, cluster, replicas, env == null ? Map.of() : env));
  }

  @Command(name = "scale", mixinStandardHelpOptions = true, description = "Change the replica count of a placement.")
  int scale(@Parameters(paramLabel = "SVC") String service,
      @Option(names = "--cluster", required = true, paramLabel = "C") String cluster,
      @Option(names = "--replicas", required = true, paramLabel = "N") int replicas,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    CommandLine cmd = sub("scale");
    if (replicas < 0) {
      throw new CommandLine.ParameterException(cmd, "--replicas must be 0 or more");
    }
    return Gitops.mutate(cmd, repo, dryRun, tree -> ServiceEdits.scale(tree, service, cluster, replicas));
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Remove a service from a cluster.")
  int delete(@Parameters(paramLabel = "SVC") String service,
      @Option(names = "--cluster", required = true, paramLabel = "C") String cluster,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    return Gitops.mutate(sub("delete"), repo, dryRun, tree -> ServiceEdits.unplace(tree, service, cluster));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "A table of placements: service, cluster, replicas, variables.")
  int list(@Option(names = "--cluster", paramLabel = "C", description = "only this cluster's") String cluster, @Mixin RepoOptions repo) {
    return Gitops.show(sub("list"), repo, tree -> Listings.placements(tree, Optional.ofNullable(cluster)));
  }
}
