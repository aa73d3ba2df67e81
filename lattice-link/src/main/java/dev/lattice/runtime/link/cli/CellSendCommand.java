package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.link.cell.FileCommandStore;
import dev.lattice.runtime.link.proto.ApplyDocuments;
import dev.lattice.runtime.link.proto.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cell send}: stores an ApplyDocuments command (one JSON document per file) in the command
 * book of a target.cluster in {@code --data}; the running cell picks it up within a second and sends it when
 * the agent is connected, a cell started later on the same {@code --data} too. Prints the id. The
 * folder must hold a cell's CA: a mistyped {@code --data} is refused, not filled with a command book.
 * A command the link cannot carry (over {@link dev.lattice.runtime.link.LinkLimits#MAX_MESSAGE_BYTES},
 * the limit the agent's end enforces too, or an id over {@link dev.lattice.runtime.link.LinkLimits#MAX_ID_BYTES})
 * is refused and nothing queued.
 */
@picocli.CommandLine.Command(name = "send", mixinStandardHelpOptions = true,
    description = "Queue an ApplyDocuments command (JSON files) for a cluster's agent.")
final class CellSendCommand implements Callable<Integer> {
  @Mixin
  CellClusterOptions target;

  @Option(names = "--id", description = "The command id (default: a new UUID); an id already known is not sent again.")
  String id;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON documents to apply.")
  List<Path> files;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ApplyDocuments.Builder apply = ApplyDocuments.newBuilder();
    for (Path f : files) {
      apply.addDocumentsJson(Files.readString(f));
    }
    String commandId = id != null ? id : UUID.randomUUID().toString();
    CellData data = new CellData(target.data);
    try {
      data.authority(java.time.Clock.systemUTC(), CellData.NewCa.REFUSE);
    } catch (CellData.Unusable e) {
      spec.commandLine().getErr().println("cell send: " + e.getMessage() + "; nothing queued");
      return e.exitCode();
    }
    FileCommandStore store = data.commands();
    if (store.known(target.cluster, commandId)) {
      spec.commandLine().getErr().println("cell send: command " + commandId + " of " + target.cluster
          + " is already known (ids are used once); nothing queued");
      return 1;
    }
    Command command = Command.newBuilder().setId(commandId).setApply(apply).build();
    java.util.Optional<String> refusal = dev.lattice.runtime.link.LinkLimits.commandRefusal(command);
    if (refusal.isPresent()) {
      spec.commandLine().getErr().println("cell send: " + refusal.get() + "; nothing queued");
      return 1;
    }
    store.submitted(target.cluster, command);
    spec.commandLine().getOut().println(commandId);
    return 0;
  }
}
