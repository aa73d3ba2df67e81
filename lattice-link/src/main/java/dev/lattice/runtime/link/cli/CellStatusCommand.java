package dev.lattice.runtime.link.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cell status}: the children the cell knows and their last health, from {@code children.json}. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "List known children and their last health.")
final class CellStatusCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--data", required = true)
  Path data;

  @Option(names = "--json", description = "Print a JSON array, one object per child sorted by cluster: cluster, state, "
      + "nodes {ready, total}, controlPlaneNodes {ready, total}, lastHeartbeat (ISO-8601 or null).")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Map<String, Object>> children;
    try {
      children = new CellData(data).readChildren();
    } catch (CellData.Unusable e) {
      spec.commandLine().getErr().println("cell status: " + e.getMessage());
      return e.exitCode();
    }
    if (json) {
      out.println(JSON.writeValueAsString(asJson(children)));
      return 0;
    }
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

  /** The stable JSON form: fixed keys in a fixed order, absent numbers 0, an absent heartbeat null. */
  static List<Map<String, Object>> asJson(Map<String, Map<String, Object>> children) {
    List<Map<String, Object>> out = new ArrayList<>();
    children.forEach((name, h) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cluster", name);
      m.put("state", h.getOrDefault("agentState", "Unknown"));
      m.put("nodes", pair(h.get("readyNodes"), h.get("totalNodes")));
      m.put("controlPlaneNodes", pair(h.get("readyControlPlane"), h.get("totalControlPlane")));
      m.put("lastHeartbeat", h.get("lastHeartbeat"));
      out.add(m);
    });
    return out;
  }

  private static Map<String, Object> pair(Object ready, Object total) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ready", ready == null ? 0 : ready);
    m.put("total", total == null ? 0 : total);
    return m;
  }
}
