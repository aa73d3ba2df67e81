package dev.lattice.conformance;

/** Finds the line and column (from 1) of a value in a document, by JSON pointer. */
interface Locator {
  /**
   * The position of the value at {@code pointer} (or of the key {@code property} inside it, when
   * given and present); the nearest enclosing value that exists otherwise.
   */
  Position find(String pointer, String property);

  /** A line and column, both from 1. */
  record Position(int line, int column) {}

  static Locator fixed(Position p) {
    return (pointer, property) -> p;
  }
}
