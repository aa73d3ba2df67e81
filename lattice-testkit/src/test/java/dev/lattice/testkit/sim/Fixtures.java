package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Small hand-written fleets for the simulator tests. */
final class Fixtures {
  private static final YAMLMapper YAML = new YAMLMapper();

  static final Workload WEB = Workload.of("shop", "web", false, 8080);
  static final Workload API = Workload.of("shop", "api", false, 8080);
  static final Workload DB = Workload.of("shop", "db", false, 5432);
  static final Workload PAY = Workload.of("pay", "pay", false, 9090);

  private Fixtures() {}

  /** Parses a multi-document YAML stream. */
  static List<JsonNode> docs(String yaml) {
    try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      return it.readAll().stream().filter(n -> n != null && !n.isMissingNode()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PolicySimulator sim(String yaml) {
    return PolicySimulator.of(docs(yaml), SimulatorOptions.defaults());
  }

  static PolicySimulator sim(String yaml, SimulatorOptions options) {
    return PolicySimulator.of(docs(yaml), options);
  }
}
