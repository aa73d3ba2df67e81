package dev.lattice.runtime.link.cell;

import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import java.util.List;
import java.util.Set;

/**
 * Where the cell's command books outlive the cell process: a command is stored when it is accepted
 * (before it is sent), its result when the first one arrives (before it is acknowledged). On start
 * the registry restores every cluster's pending commands and known results from it.
 */
public interface CommandStore {
  /** Clusters with stored commands or results. */
  Set<String> clusters();

  /** Stored commands without a result, oldest first. */
  List<Command> pending(String cluster);

  List<CommandResult> results(String cluster);

  void submitted(String cluster, Command command);

  /** Stores the first result of a pending command; throws (e.g. {@link java.io.UncheckedIOException}) when it cannot. */
  void completed(String cluster, CommandResult result);

  /** Drops a result the cell no longer keeps (beyond {@link dev.lattice.runtime.link.LinkLimits#MAX_RESULTS_PER_CHILD}). */
  default void forgotten(String cluster, String commandId) {}

  /** A store that keeps nothing (the books live in the cell's memory only). */
  static CommandStore none() {
    return new Empty();
  }

  /** Keeps nothing; a test overrides what it records. */
  class Empty implements CommandStore {
    @Override
    public Set<String> clusters() {
      return Set.of();
    }

    @Override
    public List<Command> pending(String cluster) {
      return List.of();
    }

    @Override
    public List<CommandResult> results(String cluster) {
      return List.of();
    }

    @Override
    public void submitted(String cluster, Command command) {}

    @Override
    public void completed(String cluster, CommandResult result) {}
  }
}
