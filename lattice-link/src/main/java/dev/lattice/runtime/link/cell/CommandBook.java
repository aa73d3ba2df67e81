package dev.lattice.runtime.link.cell;

import dev.lattice.runtime.link.LinkLimits;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands of one child, by id: each id is accepted once, stays pending until its result
 * arrives (pending commands are sent again after a reconnect), and its first result is kept. Only a
 * result for a pending id is taken: an agent cannot answer an id the cell never issued (nor so claim
 * an id before the cell uses it). At most {@link LinkLimits#MAX_RESULTS_PER_CHILD} results are kept,
 * the oldest forgotten first. Not thread-safe: the owning {@link ChildSession} serialises access.
 */
final class CommandBook {
  /** What a result is to the book. */
  enum Answer {
    /** The id was pending: the result is new (store it, then {@link #complete} it). */
    PENDING,
    /** The id already has a result: a duplicate delivery (acknowledge it again). */
    ANSWERED,
    /** The id was never issued (or was forgotten): refuse it. */
    UNKNOWN
  }

  private final Map<String, Command> pending = new LinkedHashMap<>();
  private final Map<String, CommandResult> results = new LinkedHashMap<>();
  private final int keep;

  CommandBook() {
    this(LinkLimits.MAX_RESULTS_PER_CHILD);
  }

  CommandBook(int keep) {
    this.keep = keep;
  }

  /** Whether {@code id} is pending or answered. */
  boolean known(String id) {
    return pending.containsKey(id) || results.containsKey(id);
  }

  /** Records a command; false when its id is already known (pending or answered). */
  boolean submit(Command command) {
    if (known(command.getId())) {
      return false;
    }
    pending.put(command.getId(), command);
    return true;
  }

  Answer classify(String id) {
    return pending.containsKey(id) ? Answer.PENDING : results.containsKey(id) ? Answer.ANSWERED : Answer.UNKNOWN;
  }

  /**
   * Records the result of a pending id (the caller stored it first); returns the ids forgotten to
   * stay within the limit, oldest first.
   */
  List<String> complete(CommandResult result) {
    if (pending.remove(result.getCommandId()) == null) {
      throw new IllegalStateException("not pending: " + result.getCommandId());
    }
    results.put(result.getCommandId(), result);
    return trim();
  }

  /** Restores what a {@link CommandStore} kept: results first, then the commands still without one. */
  void restore(List<Command> stored, List<CommandResult> answered) {
    answered.forEach(r -> results.putIfAbsent(r.getCommandId(), r));
    stored.forEach(this::submit);
  }

  /** The ids forgotten to keep at most the limit of results, oldest first. */
  List<String> trim() {
    List<String> forgotten = new ArrayList<>();
    Iterator<String> it = results.keySet().iterator();
    while (results.size() - forgotten.size() > keep && it.hasNext()) {
      forgotten.add(it.next());
    }
    forgotten.forEach(results::remove);
    return forgotten;
  }

  List<Command> pending() {
    return new ArrayList<>(pending.values());
  }

  Optional<CommandResult> result(String id) {
    return Optional.ofNullable(results.get(id));
  }
}
