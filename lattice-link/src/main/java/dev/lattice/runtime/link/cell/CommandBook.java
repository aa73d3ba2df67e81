package dev.lattice.runtime.link.cell;

import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands of one child, by id: each id is accepted once, stays pending until its result
 * arrives (pending commands are sent again after a reconnect), and its first result is kept. Not
 * thread-safe: the owning {@link ChildSession} serialises access.
 */
final class CommandBook {
  private final Map<String, Command> pending = new LinkedHashMap<>();
  private final Map<String, CommandResult> results = new LinkedHashMap<>();

  /** Records a command; false when its id is already known (pending or answered). */
  boolean submit(Command command) {
    String id = command.getId();
    if (pending.containsKey(id) || results.containsKey(id)) {
      return false;
    }
    pending.put(id, command);
    return true;
  }

  /** Records a result; false when the id already had one (a duplicate delivery). */
  boolean complete(CommandResult result) {
    pending.remove(result.getCommandId());
    return results.putIfAbsent(result.getCommandId(), result) == null;
  }

  /** Restores what a {@link CommandStore} kept: results first, then the commands still without one. */
  void restore(List<Command> stored, List<CommandResult> answered) {
    answered.forEach(r -> results.putIfAbsent(r.getCommandId(), r));
    stored.forEach(this::submit);
  }

  List<Command> pending() {
    return new ArrayList<>(pending.values());
  }

  Optional<CommandResult> result(String id) {
    return Optional.ofNullable(results.get(id));
  }
}
