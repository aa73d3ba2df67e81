package dev.lattice.runtime.link;

import dev.lattice.runtime.link.proto.CellMessage;
import dev.lattice.runtime.link.proto.Command;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The link's limits, one number each, shared by the cell and the agent: both gRPC ends accept
 * messages up to {@link #MAX_MESSAGE_BYTES}, so the cell refuses a command that would not fit
 * ({@link #commandRefusal}) instead of queueing it; command ids are at most {@link #MAX_ID_BYTES}
 * (they name files); a result the cell stores is at most {@link #MAX_RESULT_BYTES}; the cell keeps
 * the newest {@link #MAX_RESULTS_PER_CHILD} results of each child, and closes the stream of an agent
 * that lets more than {@link #MAX_QUEUED_ACKS} acknowledgements wait unread.
 */
public final class LinkLimits {
  /** The largest gRPC message either side accepts (16 MiB). */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  /** The longest command id, in UTF-8 bytes (its Base64 names a file: 128 bytes become 172 characters). */
  public static final int MAX_ID_BYTES = 128;
  /** The largest result the cell stores (serialised); a larger one is stored cut down, as a failure. */
  public static final int MAX_RESULT_BYTES = 64 * 1024;
  /** Results kept per child; the oldest beyond it are forgotten (their ids may then be used again). */
  public static final int MAX_RESULTS_PER_CHILD = 1000;
  /** Acks waiting for an agent's stream: beyond it the agent does not read, and its stream is closed. */
  public static final int MAX_QUEUED_ACKS = 1000;

  private LinkLimits() {}

  /** Why {@code id} cannot be a command id, if it cannot. */
  static Optional<String> idRefusal(String id) {
    int bytes = id.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0) {
      return Optional.of("the command id is empty");
    }
    if (bytes > MAX_ID_BYTES) {
      return Optional.of("the command id is " + bytes + " bytes, over the link's limit of " + MAX_ID_BYTES);
    }
    return Optional.empty();
  }

  /** Why the cell must not send {@code command}, if it must not: a bad id, or a message the agent would refuse. */
  public static Optional<String> commandRefusal(Command command) {
    Optional<String> id = idRefusal(command.getId());
    if (id.isPresent()) {
      return id;
    }
    int size = CellMessage.newBuilder().setCommand(command).build().getSerializedSize();
    if (size > MAX_MESSAGE_BYTES) {
      return Optional.of("the command " + command.getId() + " is " + size + " bytes, over the link's limit of "
          + MAX_MESSAGE_BYTES + " bytes per message (the agent would refuse it)");
    }
    return Optional.empty();
  }
}
