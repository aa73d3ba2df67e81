package dev.lattice.runtime.link.agent;

import dev.lattice.runtime.link.proto.CommandResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an agent keeps the results the cell has not acknowledged yet, so that they outlive the
 * agent process: {@link #load} on start, {@link #saved} before a result is sent,
 * {@link #acknowledged} when the cell's {@code Ack} arrives.
 */
public interface ResultJournal {
  /** The results kept, by command id. */
  Map<String, CommandResult> load();

  void saved(CommandResult result);

  void acknowledged(String commandId);

  /** A journal that keeps nothing (results live in the agent's memory only). */
  static ResultJournal none() {
    return new ResultJournal() {
      @Override
      public Map<String, CommandResult> load() {
        return new LinkedHashMap<>();
      }

      @Override
      public void saved(CommandResult result) {}

      @Override
      public void acknowledged(String commandId) {}
    };
  }
}
