package dev.lattice.testkit.fleet;

import dev.lattice.compiler.Sources;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.read.ReadResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input files read one by one, so that replacing one file re-reads only that file and every other
 * object stays the same instance — how an editor, a file watcher or a controller's cache hands
 * objects to {@link dev.lattice.compiler.incremental.IncrementalCompiler}. Immutable.
 */
public final class ParsedFiles {
  private static final LatticeReader READER = new LatticeReader();

  private final Map<String, String> texts;
  private final Map<String, ReadResult> reads;

  private ParsedFiles(Map<String, String> texts, Map<String, ReadResult> reads) {
    this.texts = texts;
    this.reads = reads;
  }

  /** Reads every file (name → text, in the map's order). */
  public static ParsedFiles of(Map<String, String> files) {
    Map<String, ReadResult> reads = new LinkedHashMap<>();
    files.forEach((name, text) -> reads.put(name, READER.readString(name, text)));
    return new ParsedFiles(new LinkedHashMap<>(files), reads);
  }

  /** These files with {@code name} now holding {@code text} (added at the end when new); only it is read. */
  public ParsedFiles with(String name, String text) {
    Map<String, String> t = new LinkedHashMap<>(texts);
    Map<String, ReadResult> r = new LinkedHashMap<>(reads);
    t.put(name, text);
    r.put(name, READER.readString(name, text));
    return new ParsedFiles(t, r);
  }

  /** These files without {@code name}. */
  public ParsedFiles without(String name) {
    Map<String, String> t = new LinkedHashMap<>(texts);
    Map<String, ReadResult> r = new LinkedHashMap<>(reads);
    t.remove(name);
    r.remove(name);
    return new ParsedFiles(t, r);
  }

  /** The texts by name, in order. */
  public Map<String, String> texts() {
    return Collections.unmodifiableMap(texts);
  }

  /** Every object and read diagnostic, in file order. */
  public Sources sources() {
    List<SourcedObject> objects = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    reads.values().forEach(r -> {
      objects.addAll(r.objects());
      diagnostics.addAll(r.diagnostics());
    });
    return new Sources(objects, diagnostics);
  }
}
