package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.server.UntilStopped;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cell}: serves AgentLink (gRPC, TLS 1.3 mTLS) and the bootstrap endpoint (HTTPS: agent enrolment
 * and the webhook) with the CA
 * and tokens of {@code --data}, keeping the command books ({@code commands/}) and revocations
 * ({@code revoked}) there too; every second it picks up commands added by {@code cell send} and writes
 * each child's health to {@code children.json}, until interrupted. It holds {@code --data}'s lock
 * while it runs (a second cell there is refused) and makes a new CA only with {@code --init}; a missing,
 * partial or corrupt CA is an error (exit 1; a missing folder exit 2), never a new CA.
 */
@Command(name = "cell", mixinStandardHelpOptions = true,
    subcommands = {CellTokenCommand.class, CellStatusCommand.class, CellRevokeCommand.class, CellSendCommand.class},
    description = "Run a cell: the AgentLink gRPC endpoint and the HTTPS bootstrap endpoint, until interrupted.")
public final class CellCommand implements Callable<Integer> {
  @Option(names = {"--grpc", "--listen"}, defaultValue = "127.0.0.1:50051",
      description = "AgentLink gRPC address HOST:PORT (port 0: any; --listen is the older name).")
  String grpc;

  @Option(names = "--bootstrap", description = "Bootstrap endpoint HOST:PORT (HTTPS: agent enrolment and the webhook; "
      + "port 0: any). Default: the gRPC host, port 8443.")
  String bootstrap;

  @Option(names = "--webhook-port", hidden = true, description = "Older form of --bootstrap: a port on the gRPC host.")
  Integer webhookPort;

  @Option(names = "--hosts", split = ",", description = "Extra DNS names or IPs for the cell's server certificates.")
  List<String> extraHosts = List.of();

  @Option(names = "--data", description = "Directory of the CA, tokens and state (required).")
  Path data;

  @Option(names = "--init", description = "Create a new cell (a new CA) when --data has none; the folder is made if "
      + "missing. Never replaces an existing or damaged CA.")
  boolean init;

  @Option(names = "--heartbeat-seconds", defaultValue = "10", description = "Heartbeat interval asked of agents.")
  int heartbeatSeconds;

  @Option(names = "--agent-image", defaultValue = "ghcr.io/lattice/agent:dev")
  String agentImage;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (data == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--data=<data>'");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (bootstrap != null && webhookPort != null) {
      throw new ParameterException(spec.commandLine(), "give --bootstrap HOST:PORT or the older --webhook-port, not both");
    }
    String bootstrapAddress = bootstrap != null ? bootstrap
        : webhookPort != null ? HostPort.parse(grpc).host() + ":" + webhookPort : null;
    CellProcess cell;
    try {
      cell = CellProcess.start(new CellProcess.Options(grpc, bootstrapAddress, extraHosts, data,
          init ? CellData.NewCa.ALLOWED : CellData.NewCa.REFUSE, heartbeatSeconds, agentImage),
          c -> out.println("cell: bootstrap callback from " + c), out);
    } catch (CellData.Unusable e) {
      spec.commandLine().getErr().println("cell: " + e.getMessage());
      return e.exitCode();
    }
    try (UntilStopped stop = UntilStopped.register("lattice-cell-stop"); cell) {
      stop.await();
    }
    return 0;
  }
}
