package dev.lattice.runtime.link.agent;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.store.ProtoFileDir;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ResultJournal} in a directory ({@link ProtoFileDir}): one {@code .result} file per
 * unacknowledged result, holding the protobuf bytes, deleted on acknowledgement. Loaded oldest first.
 * A crash between running a command and {@link #saved} loses that run (the cell re-sends the pending
 * command after the restart; it runs again).
 */
public final class FileResultJournal implements ResultJournal {
  private static final String KIND = "result";
  private final ProtoFileDir dir;

  public FileResultJournal(Path dir) {
    this.dir = new ProtoFileDir(dir);
  }

  @Override
  public synchronized Map<String, CommandResult> load() {
    Map<String, CommandResult> out = new LinkedHashMap<>();
    for (byte[] b : dir.readAll(KIND)) {
      CommandResult r = parse(b);
      out.put(r.getCommandId(), r);
    }
    return out;
  }

  @Override
  public synchronized void saved(CommandResult result) {
    dir.write(result.getCommandId(), KIND, result.toByteArray());
  }

  @Override
  public synchronized void acknowledged(String commandId) {
    dir.delete(commandId, KIND);
  }

  private CommandResult parse(byte[] b) {
    try {
      return CommandResult.parseFrom(b);
    } catch (InvalidProtocolBufferException e) {
      throw new UncheckedIOException("a damaged result in " + dir.dir(), e);
    }
  }
}
