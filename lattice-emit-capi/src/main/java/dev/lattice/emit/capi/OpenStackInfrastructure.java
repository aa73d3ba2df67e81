package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.ProviderConfig;
import dev.lattice.model.cluster.ProviderSpec;
import dev.lattice.model.diagnostics.Codes;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OpenStack (CAPO, {@code v1beta2}): {@code OpenStackCluster} ({@code identityRef} to the
 * {@code clouds.yaml} Secret — the cluster's {@code identitySecretName}, else the CloudProvider's
 * credentials Secret, else {@code <cluster>-cloud-config} — the external network, managed security
 * groups, bastion, the existing network/subnet by name or a managed subnet of {@code nodeCidr}, API
 * server floating IP) and {@code OpenStackMachineTemplate}s (flavor = instance type name, image by
 * name, SSH key, root volume). Nodes run the external OpenStack cloud controller.
 */
final class OpenStackInfrastructure implements Infrastructure {
  static final String DEFAULT_NODE_CIDR = "10.6.0.0/24";
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String AT = "spec.provider.config.openstack";

  @Override
  public String apiVersion() {
    return API_GROUP + "/v1beta2";
  }

  @Override
  public String clusterKind() {
    return "OpenStackCluster";
  }

  @Override
  public String machineTemplateKind() {
    return "OpenStackMachineTemplate";
  }

  private static ProviderConfig.OpenStack os(ClusterPlan plan) {
    return plan.spec().provider().config().openstack().orElseThrow();
  }

  @Override
  public void check(ClusterPlan plan, Findings f) {
    ProviderConfig.OpenStack os = os(plan);
    if (os.imageFilter().isEmpty()) {
      f.error(Codes.MISSING_FIELD, AT, "OpenStack machines need an image", "add imageFilter: {name: ubuntu-2404-kube-v1.32.0}");
    }
    for (var r : java.util.List.of(os.network(), os.subnet())) {
      r.filter(x -> x.id().isPresent() == x.name().isPresent()).ifPresent(x -> f.error(Codes.INVALID_VALUE,
          AT + (r == os.network() ? ".network" : ".subnet"), "name the network or subnet by id or by name, not both or neither",
          "write network: {id: <uuid>} or network: <name>"));
    }
    for (var r : java.util.List.of(os.network(), os.subnet())) {
      String at = AT + (r == os.network() ? ".network.id" : ".subnet.id");
      r.flatMap(ProviderConfig.ResourceRef::id).filter(id -> !UUID.matcher(id).matches()).ifPresent(id -> f.warning(
          Codes.INVALID_VALUE, at, "'" + id + "' is not a UUID, which CAPO requires of an id; it is looked up as a name",
          "write the UUID, or the name as network: <name>"));
    }
    if (os.network().isPresent() && os.nodeCidr().isPresent()) {
      f.warning(Codes.INVALID_VALUE, AT + ".nodeCidr", "nodeCidr is ignored: the cluster uses the existing network "
          + describe(os.network().get()), "drop nodeCidr, or drop network to let CAPO create one");
    }
    MachineRole.all(plan).forEach(role -> {
      role.rootVolume().filter(v -> v.iops().isPresent() || v.throughput().isPresent() || v.encrypted().isPresent())
          .ifPresent(v -> f.warning(Codes.UNSUPPORTED_CLUSTER_SETTING, role.path() + ".rootVolume",
              "rootVolume iops, throughput and encrypted are AWS EBS settings; CAPO's rootVolume has only sizeGiB and type",
              "drop them, or set them on the OpenStack volume type"));
      if (role.typeName().isEmpty()) {
        f.error(Codes.MISSING_FIELD, role.path(), "OpenStack machines need a flavor (" + role.name() + ")",
            "add instanceType: {name: m1.large}");
      }
    });
  }

  /** The {@code identityRef}: {@code clouds.yaml} Secret and the cloud in it. */
  static ObjectNode identityRef(ClusterPlan plan) {
    ProviderConfig.OpenStack os = os(plan);
    String secret = os.identitySecretName()
        .or(() -> plan.credentials().map(c -> c.name()))
        .orElse(Names.shorten(plan.name() + "-cloud-config"));
    ObjectNode ref = Json.object();
    ref.put("cloudName", os.cloudName());
    ref.put("name", secret);
    return ref;
  }

  @Override
  public ObjectNode clusterSpec(ClusterPlan plan) {
    ProviderConfig.OpenStack os = os(plan);
    ObjectNode spec = Json.object();
    spec.set("identityRef", identityRef(plan));
    spec.set("externalNetwork", byNameOrId(os.externalNetwork()));
    if (os.disableFloatingIps().orElse(false)) {
      spec.putObject("apiServer").put("enableFloatingIP", false);
    }
    if (os.managedSecurityGroups().orElse(true)) {
      spec.putObject("managedSecurityGroups").put("allowAllInClusterTraffic", true);
    }
    if (os.network().isPresent()) {
      spec.set("network", ref(os.network().get()));
      os.subnet().ifPresent(s -> spec.putArray("subnets").add(ref(s)));
    } else {
      ObjectNode subnet = spec.putArray("managedSubnets").addObject();
      subnet.put("cidr", os.nodeCidr().orElse(DEFAULT_NODE_CIDR));
      if (!os.dnsNameservers().isEmpty()) {
        subnet.set("dnsNameservers", Json.strings(os.dnsNameservers()));
      }
    }
    if (os.bastion().map(ProviderConfig.OpenStackBastion::isEnabled).orElse(false)) {
      ObjectNode bastion = spec.putObject("bastion");
      bastion.put("enabled", true);
      ObjectNode bs = bastion.putObject("spec");
      MachineRole cp = MachineRole.controlPlane(plan);
      String flavor = os.bastion().flatMap(ProviderConfig.OpenStackBastion::flavor).orElse(cp.typeName().orElseThrow());
      bs.putObject("flavor").putObject("filter").put("name", flavor);
      bs.putObject("image").putObject("filter").put("name", os.imageFilter().orElseThrow().name());
      os.sshKeyName().ifPresent(k -> bs.put("sshKeyName", k));
    }
    return spec;
  }

  @Override
  public ObjectNode machineSpec(ClusterPlan plan, MachineRole role) {
    ProviderConfig.OpenStack os = os(plan);
    ObjectNode spec = Json.object();
    spec.putObject("flavor").putObject("filter").put("name", role.typeName().orElseThrow());
    spec.putObject("image").putObject("filter").put("name", os.imageFilter().orElseThrow().name());
    role.rootVolume().ifPresent(v -> {
      ObjectNode root = spec.putObject("rootVolume");
      root.put("sizeGiB", v.sizeGb());
      v.type().ifPresent(t -> root.put("type", t));
    });
    os.sshKeyName().ifPresent(k -> spec.put("sshKeyName", k));
    return spec;
  }

  @Override
  public Map<String, String> kubeletArgs(ProviderSpec.Bootstrap bootstrap) {
    return bootstrap == ProviderSpec.Bootstrap.KUBEADM
        ? Map.of("cloud-provider", "external", "provider-id", "openstack:///'{{ instance_id }}'")
        : Map.of("cloud-provider", "external");
  }

  @Override
  public Optional<String> nodeNameTemplate() {
    return Optional.of("{{ local_hostname }}");
  }

  /**
   * CAPO's {@code NetworkParam}/{@code SubnetParam}: {@code {id}} or {@code {filter: {name}}} (OpenStackCluster
   * v1beta2, kubernetes-sigs/cluster-api-provider-openstack config/crd/bases). A name that is a UUID is an id.
   */
  private static ObjectNode ref(ProviderConfig.ResourceRef r) {
    if (r.id().filter(id -> UUID.matcher(id).matches()).isPresent()) {
      ObjectNode o = Json.object();
      o.put("id", r.id().get());
      return o;
    }
    return byNameOrId(r.name().or(r::id).orElseThrow());
  }

  private static String describe(ProviderConfig.ResourceRef r) {
    return r.id().map(id -> "id " + id).orElse(r.name().orElse(""));
  }

  private static ObjectNode byNameOrId(String value) {
    ObjectNode o = Json.object();
    if (UUID.matcher(value).matches()) {
      o.put("id", value);
    } else {
      o.putObject("filter").put("name", value);
    }
    return o;
  }
}
