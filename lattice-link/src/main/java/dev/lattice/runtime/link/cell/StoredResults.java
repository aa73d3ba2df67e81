package dev.lattice.runtime.link.cell;

import dev.lattice.runtime.link.LinkLimits;
import dev.lattice.runtime.link.proto.CommandResult;

/** How the cell stores and reports an agent's results: bounded in size, ids safe to log. */
final class StoredResults {
  private StoredResults() {}

  /** The result as stored: one over {@link LinkLimits#MAX_RESULT_BYTES} becomes a failure with its message cut. */
  static CommandResult bounded(CommandResult r) {
    int size = r.getSerializedSize();
    if (size <= LinkLimits.MAX_RESULT_BYTES) {
      return r;
    }
    String msg = r.getMessage();
    String head = msg.length() > 1024 ? msg.substring(0, 1024) : msg;
    return CommandResult.newBuilder().setCommandId(r.getCommandId()).setSuccess(false)
        .setMessage("the agent's result was " + size + " bytes, over the cell's limit of " + LinkLimits.MAX_RESULT_BYTES
            + " (success=" + r.getSuccess() + "); its message began: " + head).build();
  }

  /** An id as logged: cut at 80 characters, control characters replaced. */
  static String printable(String id) {
    String cut = id.length() > 80 ? id.substring(0, 80) + "… (" + id.length() + " characters)" : id;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /** The message of {@code e} and of its root cause. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t;
  }
}
