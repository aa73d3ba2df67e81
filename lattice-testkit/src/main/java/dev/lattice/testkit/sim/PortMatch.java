package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The L4 part of a Cilium rule, for TCP connections. No {@code toPorts} (and no {@code icmps})
 * means every port. A port entry matches when its protocol is absent, {@code ANY} or {@code TCP}
 * and the port is in {@code [port, endPort]}; port {@code 0} or an absent port means every port. A
 * named port ({@code http}) never matches: workloads carry port numbers only. L7 {@code rules}
 * under a port do not narrow the L4 verdict. A rule with only {@code icmps} matches no TCP port.
 */
final class PortMatch {
  private record Range(int from, int to, String text) {}

  private final boolean any;
  private final List<Range> ranges;

  private PortMatch(boolean any, List<Range> ranges) {
    this.any = any;
    this.ranges = List.copyOf(ranges);
  }

  static PortMatch parse(JsonNode rule) {
    JsonNode toPorts = rule.path("toPorts");
    boolean hasPorts = toPorts.isArray() && !toPorts.isEmpty();
    boolean hasIcmps = rule.path("icmps").isArray() && !rule.path("icmps").isEmpty();
    if (!hasPorts) {
      return new PortMatch(!hasIcmps, List.of());
    }
    List<Range> ranges = new ArrayList<>();
    boolean any = false;
    for (JsonNode portRule : toPorts) {
      JsonNode ports = portRule.path("ports");
      if (!ports.isArray() || ports.isEmpty()) {
        any = true;
        continue;
      }
      for (JsonNode p : ports) {
        String protocol = p.path("protocol").asText("ANY").toUpperCase(Locale.ROOT);
        if (!protocol.isEmpty() && !protocol.equals("ANY") && !protocol.equals("TCP")) {
          continue;
        }
        String port = p.path("port").asText("0").trim();
        int from;
        try {
          from = port.isEmpty() ? 0 : Integer.parseInt(port);
        } catch (NumberFormatException named) {
          continue;
        }
        if (from == 0) {
          ranges.add(new Range(0, 65535, "any/" + protocol));
          continue;
        }
        int to = Math.max(from, p.path("endPort").asInt(from));
        ranges.add(new Range(from, to, (to == from ? "" + from : from + "-" + to) + "/" + protocol));
      }
    }
    return new PortMatch(any, ranges);
  }

  boolean matches(int port) {
    return any || ranges.stream().anyMatch(r -> port >= r.from && port <= r.to);
  }

  @Override
  public String toString() {
    return any ? "any port" : "ports " + ranges.stream().map(Range::text).toList();
  }
}
