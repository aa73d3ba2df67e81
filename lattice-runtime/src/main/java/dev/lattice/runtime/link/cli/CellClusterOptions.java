package dev.lattice.runtime.link.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR --cluster NAME}: the cell's state directory and one of its children (a picocli mixin). */
final class CellClusterOptions {
  @Option(names = "--data", required = true, description = "The cell's --data directory.")
  Path data;

  @Option(names = "--cluster", required = true, description = "The child cluster.")
  String cluster;
}
