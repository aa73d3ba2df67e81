package dev.lattice.runtime.install.management;

/** A step of {@code lattice install} failed, or a tool is missing: the message says which and why. */
public final class InstallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InstallException(String message) {
    super(message);
  }
}
