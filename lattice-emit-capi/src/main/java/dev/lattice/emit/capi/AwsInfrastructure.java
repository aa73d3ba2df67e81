package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.ProviderConfig;
import dev.lattice.model.cluster.ProviderSpec;
import dev.lattice.model.diagnostics.Codes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS (CAPA): {@code AWSCluster} (region, SSH key, bring-your-own VPC and subnets, the control-plane
 * load balancer, bastion, tags, and {@code identityRef} to an {@code AWSClusterStaticIdentity} named
 * after the CloudProvider's credentials Secret) and {@code AWSMachineTemplate}s (named instance
 * type, root volume, IAM instance profile — CAPA's default profiles unless configured — AMI and SSH
 * key). Nodes run the external AWS cloud controller.
 */
final class AwsInfrastructure implements Infrastructure {
  static final String CONTROL_PLANE_PROFILE = "control-plane.cluster-api-provider-aws.sigs.k8s.io";
  static final String NODE_PROFILE = "nodes.cluster-api-provider-aws.sigs.k8s.io";
  private static final Set<String> LB_TYPES = Set.of("classic", "elb", "alb", "nlb", "disabled");
  private static final int MIN_ROOT_GB = 8;

  @Override
  public String apiVersion() {
    return API_GROUP + "/v1beta2";
  }

  @Override
  public String clusterKind() {
    return "AWSCluster";
  }

  @Override
  public String machineTemplateKind() {
    return "AWSMachineTemplate";
  }

  private static ProviderConfig.Aws aws(ClusterPlan plan) {
    return plan.spec().provider().config().aws().orElseThrow();
  }

  @Override
  public void check(ClusterPlan plan, Findings findings) {
    ProviderConfig.Aws aws = aws(plan);
    aws.loadBalancerType().filter(t -> !LB_TYPES.contains(t)).ifPresent(t -> findings.error(Codes.INVALID_VALUE,
        "spec.provider.config.aws.loadBalancerType", "unknown AWS load balancer type '" + t + "'",
        "use one of " + new java.util.TreeSet<>(LB_TYPES)));
    MachineRole.all(plan).forEach(role -> {
      if (role.typeName().isEmpty()) {
        findings.error(Codes.MISSING_FIELD, role.path(), "AWS machines need an instance type (" + role.name() + ")",
            "add instanceType: {name: m7i.large}");
      }
      role.rootVolume().filter(v -> v.sizeGb() < MIN_ROOT_GB).ifPresent(v -> findings.error(Codes.INVALID_VALUE,
          role.path() + ".rootVolume.sizeGb", "AWS root volumes are at least " + MIN_ROOT_GB + " GB", null));
    });
  }

  @Override
  public ObjectNode clusterSpec(ClusterPlan plan) {
    ProviderConfig.Aws aws = aws(plan);
    ObjectNode spec = Json.object();
    spec.put("region", aws.region());
    aws.sshKeyName().ifPresent(k -> spec.put("sshKeyName", k));
    if (aws.vpcId().isPresent() || !aws.subnetIds().isEmpty()) {
      ObjectNode network = spec.putObject("network");
      aws.vpcId().ifPresent(id -> network.putObject("vpc").put("id", id));
      if (!aws.subnetIds().isEmpty()) {
        ArrayNode subnets = network.putArray("subnets");
        aws.subnetIds().forEach(id -> subnets.addObject().put("id", id));
      }
    }
    aws.partition().ifPresent(pt -> spec.put("partition", pt));
    ObjectNode lb = spec.putObject("controlPlaneLoadBalancer");
    lb.put("loadBalancerType", aws.loadBalancerType().orElse("nlb"));
    lb.put("scheme", aws.internalLoadBalancer().orElse(false) ? "internal" : "internet-facing");
    aws.bastion().ifPresent(b -> {
      ObjectNode bastion = spec.putObject("bastion");
      if (!b.allowedCidrBlocks().isEmpty()) {
        bastion.set("allowedCIDRBlocks", Json.strings(b.allowedCidrBlocks()));
      }
      bastion.put("enabled", b.enabled().orElse(true));
      b.instanceType().ifPresent(t -> bastion.put("instanceType", t));
    });
    if (!aws.tags().isEmpty()) {
      spec.set("additionalTags", Json.sortedMap(aws.tags()));
    }
    plan.credentials().ifPresent(c -> spec.putObject("identityRef").put("kind", "AWSClusterStaticIdentity")
        .put("name", c.name()));
    return spec;
  }

  @Override
  public ObjectNode machineSpec(ClusterPlan plan, MachineRole role) {
    ProviderConfig.Aws aws = aws(plan);
    ObjectNode spec = Json.object();
    spec.put("instanceType", role.typeName().orElseThrow());
    Optional<String> profile = role.controlPlane() ? aws.controlPlaneIamInstanceProfile() : aws.nodeIamInstanceProfile();
    spec.put("iamInstanceProfile", profile.orElse(role.controlPlane() ? CONTROL_PLANE_PROFILE : NODE_PROFILE));
    aws.amiId().ifPresent(id -> spec.putObject("ami").put("id", id));
    role.rootVolume().ifPresent(v -> {
      ObjectNode root = spec.putObject("rootVolume");
      // CAPA Volume: size (GiB, min 8), type, iops, throughput (MiB/s), encrypted (AWSMachineTemplate v1beta2,
      // kubernetes-sigs/cluster-api-provider-aws config/crd/bases/infrastructure.cluster.x-k8s.io_awsmachinetemplates.yaml)
      v.encrypted().ifPresent(e -> root.put("encrypted", e));
      v.iops().ifPresent(i -> root.put("iops", i));
      root.put("size", v.sizeGb());
      v.throughput().ifPresent(t -> root.put("throughput", t));
      v.type().ifPresent(t -> root.put("type", t));
    });
    aws.sshKeyName().ifPresent(k -> spec.put("sshKeyName", k));
    return spec;
  }

  @Override
  public Map<String, String> kubeletArgs(ProviderSpec.Bootstrap bootstrap) {
    return Map.of("cloud-provider", "external");
  }

  @Override
  public Optional<String> nodeNameTemplate() {
    return Optional.of("{{ ds.meta_data.local_hostname }}");
  }
}
