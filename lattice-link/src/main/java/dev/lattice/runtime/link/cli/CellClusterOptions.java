package dev.lattice.runtime.link.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --data DIR --cluster NAME}: the cell's state directory and one of its children (a picocli mixin). */
final class CellClusterOptions {
  @Option(names = "--data", required = true, description = "The cell's --data directory.")
  Path data;

  @Option(names = "--cluster", required = true, converter = ClusterName.class,
      description = "The child cluster (a DNS label, as a LatticeCluster's name).")
  String cluster;

  /**
   * A cluster name is a LatticeCluster's {@code metadata.name}, a DNS-1123 label: anything else
   * (an upper-case letter, a space, a {@code ../}) names no cluster and would end up in file names
   * under {@code --data}, so it is a usage error (exit 2) rather than a stored token or command.
   */
  static final class ClusterName implements CommandLine.ITypeConverter<String> {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @Override
    public String convert(String value) {
      if (!DNS_LABEL.matcher(value).matches()) {
        throw new CommandLine.TypeConversionException("'" + value
            + "' is not a cluster name: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63");
      }
      return value;
    }
  }
}
