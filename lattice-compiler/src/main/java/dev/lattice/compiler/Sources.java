package dev.lattice.compiler;

import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compiler's input: objects with their positions, and the diagnostics reading them produced
 * (a read error fails the compilation, so nothing is derived from partial input). Build it from
 * model values, from texts, or from paths (reading happens here, before {@code compile}).
 */
public record Sources(List<SourcedObject> objects, List<Diagnostic> readDiagnostics) {
  public Sources {
    objects = List.copyOf(objects);
    readDiagnostics = List.copyOf(readDiagnostics);
  }

  public static Sources of(List<SourcedObject> objects) {
    return new Sources(objects, List.of());
  }

  public static Sources fromRead(ReadResult read) {
    return new Sources(read.objects(), read.diagnostics());
  }

  /**
   * Parses texts by name ({@code .json} names are JSON, others YAML), in the map's order (read in
   * parallel, joined in that order).
   */
  public static Sources fromStrings(Map<String, String> textsByName) {
    LatticeReader reader = new LatticeReader();
    List<ReadResult> read = new ArrayList<>(textsByName.entrySet()).parallelStream()
        .map(e -> reader.readString(e.getKey(), e.getValue())).toList();
    List<SourcedObject> objects = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    read.forEach(r -> {
      objects.addAll(r.objects());
      diagnostics.addAll(r.diagnostics());
    });
    return new Sources(objects, diagnostics);
  }

  /** Reads files and directories. */
  public static Sources fromPaths(List<Path> paths) {
    return fromRead(new LatticeReader().readPaths(paths));
  }
}
