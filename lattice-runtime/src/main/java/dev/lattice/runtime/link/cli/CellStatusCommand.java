package dev.lattice.runtime.link.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cell status}: the children the cell knows and their last health, from {@code children.json}. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "List known children and their last health.")
public final class CellStatusCommand implements Callable<Integer> {
  @Option(names = "--data", required = true)
  Path data;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Map<String, Object>> children = new CellData(data).readChildren();
    if (children.isEmpty()) {
      out.println("no children known (is the cell running with --data " + data + "?)");
      return 0;
    }
    out.printf("%-24s %-14s %-7s %-7s %s%n", "CLUSTER", "STATE", "NODES", "CP", "LAST HEARTBEAT");
    children.forEach((name, h) -> out.printf("%-24s %-14s %-7s %-7s %s%n", name, h.getOrDefault("agentState", "-"),
        h.getOrDefault("readyNodes", "-") + "/" + h.getOrDefault("totalNodes", "-"),
        h.getOrDefault("readyControlPlane", "-") + "/" + h.getOrDefault("totalControlPlane", "-"),
        h.getOrDefault("lastHeartbeat", "-")));
    return 0;
  }
}
