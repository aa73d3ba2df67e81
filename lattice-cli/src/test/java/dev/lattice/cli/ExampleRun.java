package dev.lattice.cli;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.diagnostics.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads one example folder with paths relative to the project root, so output is machine-independent. */
final class ExampleRun {
  private ExampleRun() {}

  static Sources sources(Path root, Path dir) {
    Map<String, String> texts = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).filter(dev.lattice.model.read.LatticeReader::isInputFile).sorted().toList()) {
        texts.put(root.relativize(f).toString(), Files.readString(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Sources.fromStrings(texts);
  }

  static Compilation validate(Path root, Path dir) {
    return LatticeCompiler.builder().build().validate(sources(root, dir));
  }

  static Compilation compile(Path root, Path dir) {
    return LatticeCompiler.builder().build().compile(sources(root, dir));
  }

  static String render(List<Diagnostic> diagnostics) {
    return diagnostics.isEmpty() ? "(no diagnostics)\n"
        : diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n", "", "\n"));
  }

  static List<Path> exampleDirs(Path root) {
    try (Stream<Path> dirs = Files.list(root.resolve("examples"))) {
      // a GitOps repository (examples/gitops) is checked as a whole by GitopsExampleTest
      return dirs.filter(Files::isDirectory).filter(d -> !Files.isDirectory(d.resolve(".lattice"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
