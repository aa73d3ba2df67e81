package dev.lattice.cli;

import dev.lattice.cli.gitops.ClusterEdits;
import dev.lattice.cli.gitops.Listings;
import dev.lattice.cli.gitops.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lattice cluster list|tree|add|scale|upgrade|delete} over the repository at {@code --repo}. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "List, add, scale, upgrade and delete clusters of a GitOps repository.")
final class ClusterCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, tree, add, scale, upgrade or delete");
  }

  private CommandLine sub(String name) {
    return spec.commandLine().getSubcommands().get(name);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "A table: name, parent, provider, Kubernetes version, control plane, workers.")
  int list(@Mixin RepoOptions repo) {
    return Gitops.show(sub("list"), repo, Listings::clusters);
  }

  @Command(name = "tree", mixinStandardHelpOptions = true, description = "The cluster hierarchy as a tree.")
  int tree(@Mixin RepoOptions repo) {
    return Gitops.show(sub("tree"), repo, Listings::tree);
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add the LatticeCluster in FILE as a child of --parent (a cell).")
  int add(@Parameters(paramLabel = "FILE", description = "one LatticeCluster (and, optionally, CloudProviders)") Path file,
      @Option(names = "--parent", required = true, paramLabel = "NAME", description = "the parent cluster") String parent,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    CommandLine cmd = sub("add");
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(cmd, "no such file: " + file);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return Gitops.mutate(cmd, repo, dryRun, tree -> ClusterEdits.add(tree, file.toString(), text, parent));
  }

  @Command(name = "scale", mixinStandardHelpOptions = true, description = "Set the number of workers of a fixed-size pool.")
  int scale(@Parameters(paramLabel = "NAME") String name,
      @Option(names = "--workers", required = true, paramLabel = "N") int workers,
      @Option(names = "--pool", paramLabel = "P", description = "the worker pool (needed when there are several)") String pool,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    CommandLine cmd = sub("scale");
    if (workers < 0) {
      throw new CommandLine.ParameterException(cmd, "--workers must be 0 or more");
    }
    return Gitops.mutate(cmd, repo, dryRun, tree -> ClusterEdits.scale(tree, name, workers, pool));
  }

  @Command(name = "upgrade", mixinStandardHelpOptions = true,
      description = "Change the Kubernetes version: one minor version up at most, never down.")
  int upgrade(@Parameters(paramLabel = "NAME") String name,
      @Option(names = "--k8s-version", required = true, paramLabel = "V", description = "e.g. 1.33.0") String version,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    return Gitops.mutate(sub("upgrade"), repo, dryRun, tree -> ClusterEdits.upgrade(tree, name, version));
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a child cluster's folder (refused while it has children unless --recursive).")
  int delete(@Parameters(paramLabel = "NAME") String name,
      @Option(names = "--yes", description = "confirm: the cluster will be destroyed when Flux applies this") boolean yes,
      @Option(names = "--recursive", description = "delete its children too") boolean recursive,
      @Option(names = "--dry-run", description = "print the diff, write nothing") boolean dryRun,
      @Mixin RepoOptions repo) throws IOException {
    return Gitops.mutate(sub("delete"), repo, dryRun, tree -> {
      if (!yes && !dryRun) {
        throw new Refusal("deleting cluster " + name + " destroys it once Flux applies the change; pass --yes to confirm");
      }
      return ClusterEdits.delete(tree, name, recursive);
    });
  }
}
