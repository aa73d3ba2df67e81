package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * CAPI's MachineHealthCheck controller rounds a percentage down (getMaxUnhealthy:
 * intstr.GetScaledValueFromIntOrPercent(..., false)): modelled here, every check of every generated
 * cluster, in both forms, can remediate at least one machine of the largest pool it watches.
 */
class HealthCheckTest {
  /** CAPI's reading of {@code unhealthyLessThanOrEqualTo} for {@code machines} expected machines. */
  static int capiMaxUnhealthy(JsonNode value, int machines) {
    String v = value.asText();
    return v.endsWith("%") ? machines * Integer.parseInt(v.substring(0, v.length() - 1)) / 100 : Integer.parseInt(v);
  }

  @Test
  void everyHealthCheckRemediatesAtLeastOneMachineEvenInASmallPool() throws Exception {
    long seed = Long.getLong("lattice.seed", 20261123L);
    ClusterGenerator gen = new ClusterGenerator(new SplittableRandom(seed));
    YAMLMapper yaml = new YAMLMapper();
    int checks = 0;
    for (int i = 0; i < 40; i++) {
      String cluster = gen.cluster();
      for (Document d : i % 2 == 0 ? Fixtures.documents(cluster) : Fixtures.topology(cluster)) {
        JsonNode body = yaml.readTree(DocumentWriter.toYaml(java.util.List.of(d)));
        for (JsonNode trigger : body.findValues("triggerIf")) {
          // the smallest pool is one machine: it must still be remediated
          assertThat(capiMaxUnhealthy(trigger.path("unhealthyLessThanOrEqualTo"), 1))
              .as("seed " + seed + " case " + i + " " + d.id() + "\n" + cluster).isGreaterThanOrEqualTo(1);
          checks++;
        }
      }
    }
    assertThat(checks).isPositive();
  }
}
