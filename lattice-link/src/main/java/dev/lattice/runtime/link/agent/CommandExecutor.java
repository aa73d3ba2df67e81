package dev.lattice.runtime.link.agent;

import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;

/**
 * Runs one command inside the child cluster (apply documents through a {@code DocumentApplier},
 * start or confirm a pivot, report status). Called at most once per command id by the agent.
 */
@FunctionalInterface
public interface CommandExecutor {
  CommandResult execute(Command command);
}
