package dev.lattice.runtime.link.cell;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.lattice.runtime.link.LinkLimits;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.store.ProtoFileDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A {@link CommandStore} in a directory: {@code <root>/<cluster>/<id>.command} and
 * {@code <id>.result} ({@link ProtoFileDir}, protobuf bytes). A completed command's result is written
 * first, then its command file deleted: a crash in between leaves both, read as completed. Another
 * process (the {@code cell send} command) may add {@code .command} files; the running cell picks
 * them up ({@link ChildRegistry#pickUp}). Results are kept (ids stay answered across restarts). A
 * damaged record is reported with its file and moved to {@code <file>.bad}; the rest is served.
 */
public final class FileCommandStore implements CommandStore {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileCommandStore.class);
  private static final String COMMAND = "command";
  private static final String RESULT = "result";
  private final Path root;

  public FileCommandStore(Path root) {
    this.root = root;
  }

  private ProtoFileDir dir(String cluster) {
    if (!Enroller.CLUSTER.matcher(cluster).matches()) {
      throw new IllegalArgumentException("not a cluster name: " + cluster);
    }
    return new ProtoFileDir(root.resolve(cluster));
  }

  @Override
  public synchronized Set<String> clusters() {
    Set<String> out = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> s = Files.list(root)) {
      s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> Enroller.CLUSTER.matcher(n).matches()).forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    return out;
  }

  @Override
  public synchronized List<Command> pending(String cluster) {
    ProtoFileDir d = dir(cluster);
    List<Command> out = new ArrayList<>();
    for (ProtoFileDir.Record r : d.records(COMMAND)) {
      Command c = valid(d, r, Command::parseFrom, Command::getId, LinkLimits::commandRefusal);
      if (c != null && !d.exists(c.getId(), RESULT)) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public synchronized List<CommandResult> results(String cluster) {
    ProtoFileDir d = dir(cluster);
    List<CommandResult> out = new ArrayList<>();
    for (ProtoFileDir.Record r : d.records(RESULT)) {
      CommandResult c = valid(d, r, CommandResult::parseFrom, CommandResult::getCommandId, x -> Optional.empty());
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The record's message, or null when it is damaged: unreadable, not a message of its kind, its id
   * not the one its file name encodes (a stray or renamed file), or over a limit. A damaged record is
   * moved aside ({@link ProtoFileDir#quarantine}) and reported with its file; the others are served.
   */
  private <T> T valid(ProtoFileDir d, ProtoFileDir.Record r, Parser<T> parser, Function<T, String> id,
      Function<T, Optional<String>> limit) {
    String problem = r.problem();
    T message = null;
    if (problem == null) {
      try {
        message = parser.parse(r.bytes());
        if (r.id().isEmpty() || !r.id().get().equals(id.apply(message))) {
          problem = "its content is not the record its name says (id " + r.id().map(x -> "\"" + x + "\"").orElse("undecodable")
              + " in the name)";
        } else {
          problem = limit.apply(message).orElse(null);
        }
      } catch (InvalidProtocolBufferException e) {
        problem = "not a protobuf record (" + e.getMessage() + ")";
      }
    }
    if (problem == null) {
      return message;
    }
    String where;
    try {
      where = "moved to " + d.quarantine(r.file());
    } catch (UncheckedIOException e) {
      where = "skipped (" + e.getMessage() + ")";
    }
    LOG.warn("link: {}: a damaged record: {}; {}; the rest of the command book is served", r.file(), problem, where);
    return null;
  }

  /** Whether {@code id} is already stored for {@code cluster} (pending or answered). */
  public synchronized boolean known(String cluster, String id) {
    ProtoFileDir d = dir(cluster);
    return d.exists(id, COMMAND) || d.exists(id, RESULT);
  }

  @Override
  public synchronized void submitted(String cluster, Command command) {
    dir(cluster).write(command.getId(), COMMAND, command.toByteArray());
  }

  @Override
  public synchronized void completed(String cluster, CommandResult result) {
    ProtoFileDir d = dir(cluster);
    d.write(result.getCommandId(), RESULT, result.toByteArray());
    d.delete(result.getCommandId(), COMMAND);
  }

  @Override
  public synchronized void forgotten(String cluster, String commandId) {
    dir(cluster).delete(commandId, RESULT);
  }

  private interface Parser<T> {
    T parse(byte[] bytes) throws InvalidProtocolBufferException;
  }
}
