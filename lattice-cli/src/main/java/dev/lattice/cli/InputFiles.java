package dev.lattice.cli;

import dev.lattice.compiler.Sources;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reading the input paths of {@code validate}, {@code compile}, {@code explain} and {@code graph}:
 * files and folders through {@link LatticeReader} with the {@code --max-input-size} limit, and
 * {@code -} as standard input (YAML, named {@code <stdin>} in diagnostics; at most once).
 */
final class InputFiles {
  /** The name standard input has in diagnostics. */
  static final String STDIN = "<stdin>";

  private InputFiles() {}

  static Sources read(List<Path> paths, long maxInputBytes, InputStream stdin, CommandLine commandLine) {
    LatticeReader reader = new LatticeReader(maxInputBytes);
    List<Path> files = paths.stream().filter(p -> !p.toString().equals("-")).toList();
    long dashes = paths.size() - files.size();
    if (dashes > 1) {
      throw new CommandLine.ParameterException(commandLine, "'-' (standard input) can be given only once");
    }
    ReadResult fromFiles = reader.readPaths(files);
    if (dashes == 0) {
      return Sources.fromRead(fromFiles);
    }
    ReadResult fromStdin = reader.readStream(STDIN, stdin);
    List<SourcedObject> objects = new ArrayList<>(fromFiles.objects());
    objects.addAll(fromStdin.objects());
    List<Diagnostic> diagnostics = new ArrayList<>(fromFiles.diagnostics());
    diagnostics.addAll(fromStdin.diagnostics());
    return new Sources(objects, diagnostics);
  }

  /** {@code --max-input-size}: bytes, or a number with {@code Ki}, {@code Mi}, {@code Gi} (also {@code KiB}...). */
  static final class Size implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (v.endsWith("b") && v.length() > 1 && Character.isLetter(v.charAt(v.length() - 2))) {
        v = v.substring(0, v.length() - 1); // 256MiB -> 256mi
      }
      long unit = 1;
      for (String[] u : new String[][] {{"ki", "1024"}, {"mi", "1048576"}, {"gi", "1073741824"}}) {
        if (v.endsWith(u[0])) {
          unit = Long.parseLong(u[1]);
          v = v.substring(0, v.length() - 2);
        }
      }
      try {
        long n = Long.parseLong(v);
        if (n < 1 || n > Integer.MAX_VALUE / unit + 1) {
          throw new CommandLine.TypeConversionException("'" + value + "' is not a size between 1 byte and 2Gi");
        }
        return Math.min(n * unit, Integer.MAX_VALUE - 16L);
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a size: use bytes or a number with Ki, Mi or Gi (e.g. 512Mi)");
      }
    }
  }
}
