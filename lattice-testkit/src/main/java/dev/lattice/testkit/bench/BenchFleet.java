package dev.lattice.testkit.bench;

import dev.lattice.compiler.Sources;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.read.LatticeReader;
import dev.lattice.testkit.fleet.Fleet;
import dev.lattice.testkit.fleet.FleetGenerator;
import dev.lattice.testkit.fleet.FleetShape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A benchmark-shaped fleet ({@link FleetShape#ofSize}) and the same fleet after one service
 * changed one agreement ({@link AgreementEdit}). Parsing is a separate step so a benchmark can
 * leave it out of what it times.
 */
public final class BenchFleet {
  private final Fleet fleet;
  private final AgreementEdit.Result edit;

  private BenchFleet(Fleet fleet, AgreementEdit.Result edit) {
    this.fleet = fleet;
    this.edit = edit;
  }

  /** Generates the fleet of {@code services} services and its one-agreement edit. */
  public static BenchFleet generate(int services, long seed) {
    Fleet fleet = FleetGenerator.generate(seed, FleetShape.ofSize(services));
    return new BenchFleet(fleet, AgreementEdit.withdraw(fleet, (int) seed));
  }

  public Fleet fleet() {
    return fleet;
  }

  /** The edge the edited fleet no longer has. */
  public Fleet.Edge withdrawn() {
    return edit.withdrawn();
  }

  /** Characters of input YAML. */
  public long inputChars() {
    return fleet.files().values().stream().mapToLong(String::length).sum();
  }

  /**
   * The fleet as one multi-document YAML text (every file after a {@code ---} line, in file order),
   * as {@code lattice bench --end-to-end} writes it to {@code fleet.yaml}.
   */
  public String oneFile() {
    StringBuilder all = new StringBuilder();
    for (String text : fleet.files().values()) {
      all.append("---\n").append(text);
      if (!text.endsWith("\n")) {
        all.append('\n');
      }
    }
    return all.toString();
  }

  /** Parses the fleet. */
  public Sources parse() {
    return Sources.fromStrings(fleet.files());
  }

  /**
   * The edited fleet as an editor or a controller hands it over: {@code base} (a {@link #parse()}
   * of this fleet) with only the objects of the one edited file read again, every other object the
   * same instance.
   */
  public Sources editedFrom(Sources base) {
    String file = edit.files().entrySet().stream()
        .filter(e -> e.getValue() != fleet.files().get(e.getKey()) && !e.getValue().equals(fleet.files().get(e.getKey())))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    var reread = new LatticeReader().readString(file, edit.files().get(file));
    List<SourcedObject> objects = new ArrayList<>();
    Iterator<SourcedObject> fresh = reread.objects().iterator();
    for (SourcedObject s : base.objects()) {
      objects.add(s.sources().document().file().equals(file) && fresh.hasNext() ? fresh.next() : s);
    }
    if (fresh.hasNext()) {
      throw new IllegalStateException("the edit changed the number of objects in " + file);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    boolean spliced = false;
    for (var d : base.readDiagnostics()) {
      if (!d.position().file().equals(file)) {
        diagnostics.add(d);
      } else if (!spliced) {
        diagnostics.addAll(reread.diagnostics()); // where the file's diagnostics were: files are read in order
        spliced = true;
      }
    }
    if (!spliced) {
      diagnostics.addAll(reread.diagnostics());
    }
    return new Sources(objects, diagnostics);
  }

  /** Parses the edited fleet. */
  public Sources parseEdited() {
    return Sources.fromStrings(edit.files());
  }
}
