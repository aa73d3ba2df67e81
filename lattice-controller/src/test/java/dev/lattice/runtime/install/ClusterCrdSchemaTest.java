package dev.lattice.runtime.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The LatticeCluster CRD the runtime derives carries what the reference's LatticeCluster does: a
 * pool's {@code displayName}, and the status fields {@code workerPools} (per pool desired, current
 * and ready replicas, autoscaling, message), {@code endpoint}, {@code lastHeartbeat} and {@code
 * version}; and a {@code LatticeResourceClass} CRD, cluster-scoped.
 */
class ClusterCrdSchemaTest {
  private static final JsonNode CLUSTER = CustomResourceDefinitions.schema(CrdKind.LATTICE_CLUSTER);

  @Test
  void aPoolHasADisplayName() {
    JsonNode pool = CLUSTER.at("/properties/spec/properties/nodes/properties/workerPools/additionalProperties/properties");
    assertThat(pool.at("/displayName/type").asText()).isEqualTo("string");
    assertThat(pool.has("replicas")).isTrue();
  }

  @Test
  void theStatusHasPoolsEndpointHeartbeatAndVersion() {
    JsonNode status = CLUSTER.at("/properties/status/properties");
    JsonNode pool = status.at("/workerPools/additionalProperties/properties");
    assertThat(pool.at("/desiredReplicas/type").asText()).isEqualTo("integer");
    assertThat(pool.at("/currentReplicas/type").asText()).isEqualTo("integer");
    assertThat(pool.at("/readyReplicas/type").asText()).isEqualTo("integer");
    assertThat(pool.at("/autoscalingEnabled/type").asText()).isEqualTo("boolean");
    assertThat(pool.at("/message/type").asText()).isEqualTo("string");
    for (String field : new String[] {"endpoint", "lastHeartbeat", "version", "phase", "readyWorkers"}) {
      assertThat(status.has(field)).as(field + " in " + status.fieldNames()).isTrue();
    }
    assertThat(status.at("/lastHeartbeat/type").asText()).isEqualTo("string");
  }

  @Test
  void resourceClassesAreServedClusterScoped() {
    assertThat(CrdKind.LATTICE_RESOURCE_CLASS.namespaced()).isFalse();
    assertThat(CustomResourceDefinitions.of(CrdKind.LATTICE_RESOURCE_CLASS).json().at("/spec/scope").asText()).isEqualTo("Cluster");
    JsonNode spec = CustomResourceDefinitions.schema(CrdKind.LATTICE_RESOURCE_CLASS).at("/properties/spec");
    assertThat(spec.at("/properties/class/type").asText()).isEqualTo("string");
    assertThat(spec.at("/properties/outputs/additionalProperties/type").asText()).isEqualTo("string");
    assertThat(spec.at("/required").toString()).contains("type");
  }
}
