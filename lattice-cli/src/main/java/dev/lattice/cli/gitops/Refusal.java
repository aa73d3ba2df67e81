package dev.lattice.cli.gitops;

/**
 * A command that would leave the repository wrong (or does not make sense for it) is refused with
 * this: the message says why and what to do instead, and nothing is written.
 */
public final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  public Refusal(String message) {
    super(message);
  }
}
