package dev.lattice.runtime.link.cell;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.store.ProtoFileDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A {@link CommandStore} in a directory: {@code <root>/<cluster>/<id>.command} and
 * {@code <id>.result} ({@link ProtoFileDir}, protobuf bytes). A completed command's result is written
 * first, then its command file deleted: a crash in between leaves both, read as completed. Another
 * process (the {@code cell send} command) may add {@code .command} files; the running cell picks
 * them up ({@link ChildRegistry#pickUp}). Results are kept (ids stay answered across restarts).
 */
public final class FileCommandStore implements CommandStore {
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
    for (byte[] b : d.readAll(COMMAND)) {
      Command c = parse(() -> Command.parseFrom(b));
      if (!d.exists(c.getId(), RESULT)) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public synchronized List<CommandResult> results(String cluster) {
    List<CommandResult> out = new ArrayList<>();
    for (byte[] b : dir(cluster).readAll(RESULT)) {
      out.add(parse(() -> CommandResult.parseFrom(b)));
    }
    return out;
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
    T parse() throws InvalidProtocolBufferException;
  }

  private <T> T parse(Parser<T> p) {
    try {
      return p.parse();
    } catch (InvalidProtocolBufferException e) {
      throw new UncheckedIOException("a damaged record under " + root, e);
    }
  }
}
