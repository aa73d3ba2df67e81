package dev.lattice.model;

/** A Lattice object with the map of where each of its values was written. */
public record SourcedObject(LatticeObject object, SourceMap sources) {

  /** An object built in code, without positions. */
  public static SourcedObject of(LatticeObject object) {
    return new SourcedObject(object, SourceMap.none());
  }
}
