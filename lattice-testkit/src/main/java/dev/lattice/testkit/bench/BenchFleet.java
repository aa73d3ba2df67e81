package dev.lattice.testkit.bench;

import dev.lattice.compiler.Sources;
import dev.lattice.testkit.fleet.Fleet;
import dev.lattice.testkit.fleet.FleetGenerator;
import dev.lattice.testkit.fleet.FleetShape;

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

  /** Parses the fleet. */
  public Sources parse() {
    return Sources.fromStrings(fleet.files());
  }

  /** Parses the edited fleet. */
  public Sources parseEdited() {
    return Sources.fromStrings(edit.files());
  }
}
