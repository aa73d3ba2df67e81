package dev.lattice.model.service;

import dev.lattice.model.base.WireEnum;

/** Which way a declared service edge points, seen from the declaring service. */
public enum Direction implements WireEnum {
  OUTBOUND("outbound"),
  INBOUND("inbound"),
  BOTH("both");

  private final String wire;

  Direction(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** Whether the declaring side calls the target. */
  public boolean calls() {
    return this != INBOUND;
  }

  /** Whether the declaring side accepts calls from the target. */
  public boolean accepts() {
    return this != OUTBOUND;
  }
}
