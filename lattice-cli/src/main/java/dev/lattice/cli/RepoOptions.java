package dev.lattice.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --repo DIR} (default: the current directory) for the commands that work on a GitOps repository. */
final class RepoOptions {
  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "the Lattice GitOps repository (default: the current directory)")
  Path repo;

  /** A folder is a Lattice repository when it has a root cluster.yaml or a .lattice folder. */
  static boolean isRepository(Path dir) {
    return Files.isRegularFile(dir.resolve("cluster.yaml")) || Files.isDirectory(dir.resolve(".lattice"));
  }
}
