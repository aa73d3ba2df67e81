package dev.lattice.cli;

import dev.lattice.cli.gitops.Listings;
import dev.lattice.cli.gitops.ServiceEdits;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lattice service register|list}: services whose manifests live in their own Git repositories. */
@Command(name = "service", mixinStandardHelpOptions = true, description = "Register services (Flux GitRepository + Kustomization) and list them.")
final class ServiceCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: register or list");
  }

  @Command(name = "register", mixinStandardHelpOptions = true, description = "Register a service: where its manifests are, and its default replica count.")
  int register(@Parameters(paramLabel = "NAME") String name,
      @Option(names = "--git-url", required = true, paramLabel = "URL", description = "http(s):// or ssh:// URL of the service's repository") String url,
      @Option(names = "--git-path", defaultValue = "./", paramLabel = "P", description = "folder of its manifests in that repository (default: ${DEFAULT-VALUE})") String path,
      @Option(names = "--branch", defaultValue = "main", paramLabel = "B", description = "branch to follow (default: ${DEFAULT-VALUE})") String branch,
      @Option(names = "--default-replicas", defaultValue = "1", paramLabel = "N", description = "replicas where a placement says nothing else (default: ${DEFAULT-VALUE})") int replicas,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    CommandLine cmd = spec.commandLine().getSubcommands().get("register");
    if (replicas < 0) {
      throw new CommandLine.ParameterException(cmd, "--default-replicas must be 0 or more");
    }
    return Gitops.mutate(cmd, repo, dryRun, tree -> ServiceEdits.register(tree, name, url, path, branch, replicas));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "A table of registered services and where they are placed.")
  int list(@Mixin RepoOptions repo) {
    return Gitops.show(spec.commandLine().getSubcommands().get("list"), repo, Listings::services);
  }
}
