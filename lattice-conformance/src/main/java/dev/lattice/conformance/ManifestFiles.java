package dev.lattice.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The manifest files under some paths: a file as it is, a folder's {@code *.yaml|*.yml|*.json}
 * files recursively, in name order, skipping hidden entries ({@code .git}, {@code .lattice}).
 */
public final class ManifestFiles {
  private ManifestFiles() {}

  /** @throws NoSuchFileException when a path does not exist */
  public static List<Path> under(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString(), null, "no such file or folder");
      }
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        walk.filter(Files::isRegularFile)
            .filter(f -> !hidden(p, f))
            .filter(f -> f.getFileName().toString().matches("(?i).*\\.(ya?ml|json)"))
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  private static boolean hidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
