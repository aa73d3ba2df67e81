package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.ProviderSpec;
import java.util.Map;

/**
 * Docker (CAPD), for local cells: {@code DockerCluster} (CAPD's default HAProxy load balancer) and
 * {@code DockerMachineTemplate}s running the {@code kindest/node} image of the cluster's version, with the
 * host's Docker socket mounted (for nested cells). Instance types do not apply.
 */
final class DockerInfrastructure implements Infrastructure {
  static final String IMAGE = "kindest/node";

  @Override
  public String apiVersion() {
    return API_GROUP + "/v1beta2";
  }

  @Override
  public String clusterKind() {
    return "DockerCluster";
  }

  @Override
  public String machineTemplateKind() {
    return "DockerMachineTemplate";
  }

  @Override
  public void check(ClusterPlan plan, Findings findings) {
    // nothing beyond the model's checks: Docker machines have no size
  }

  @Override
  public ObjectNode clusterSpec(ClusterPlan plan) {
    return Json.object();
  }

  @Override
  public ObjectNode machineSpec(ClusterPlan plan, MachineRole role) {
    ObjectNode spec = Json.object();
    spec.put("customImage", IMAGE + ":" + plan.kubernetesVersion());
    ObjectNode mount = spec.putArray("extraMounts").addObject();
    mount.put("containerPath", "/var/run/docker.sock");
    mount.put("hostPath", "/var/run/docker.sock");
    return spec;
  }

  /** kind's eviction thresholds: a node container shares the host's disk, so disk pressure must not evict. */
  @Override
  public Map<String, String> kubeletArgs(ProviderSpec.Bootstrap bootstrap) {
    return Map.of("eviction-hard", "nodefs.available<0%,nodefs.inodesFree<0%,imagefs.available<0%");
  }
}
