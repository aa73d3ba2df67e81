package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.InstanceType;
import dev.lattice.model.cluster.ProviderConfig;
import dev.lattice.model.cluster.ProviderSpec;
import dev.lattice.model.diagnostics.Codes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proxmox (CAPMOX, {@code v1alpha2}): {@code ProxmoxCluster} (kube-vip control-plane endpoint on
 * port 6443, the node IPv4 pool, DNS servers, allowed nodes, {@code credentialsRef} to the
 * CloudProvider's Secret) and {@code ProxmoxMachineTemplate}s (full clone of the source node's
 * template into the storage, sockets/cores/memory/boot disk from the explicit instance type, one NIC
 * on the bridge with the cluster pool). Control-plane nodes get a kube-vip static pod ({@link KubeVip}).
 */
final class ProxmoxInfrastructure implements Infrastructure {
  static final int API_PORT = 6443;
  static final String DEFAULT_BRIDGE = "vmbr0";
  static final String DEFAULT_MODEL = "virtio";
  static final String BOOT_DISK = "scsi0";
  private static final Set<String> MODELS = Set.of("e1000", "virtio", "rtl8139", "vmxnet3");
  private static final Set<String> FORMATS = Set.of("raw", "qcow2", "vmdk");
  private static final String AT = "spec.provider.config.proxmox";
  /**
   * VM sizes where none is written, as the reference system's Proxmox defaults (its README): 4 cores and
   * 8 GiB everywhere, a 50 GB boot disk on the control plane and 100 GB on workers; one socket.
   */
  static final int DEFAULT_CORES = 4;
  static final int DEFAULT_MEMORY_GIB = 8;
  static final int DEFAULT_CP_DISK_GIB = 50;
  static final int DEFAULT_WORKER_DISK_GIB = 100;
  private static final InstanceType NO_SIZE = new InstanceType(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), List.of());

  @Override
  public String apiVersion() {
    return API_GROUP + "/v1alpha2";
  }

  @Override
  public String clusterKind() {
    return "ProxmoxCluster";
  }

  @Override
  public String machineTemplateKind() {
    return "ProxmoxMachineTemplate";
  }

  private static ProviderConfig.Proxmox proxmox(ClusterPlan plan) {
    return plan.spec().provider().config().proxmox().orElseThrow();
  }

  @Override
  public void check(ClusterPlan plan, Findings f) {
    ProviderConfig.Proxmox p = proxmox(plan);
    if (p.controlPlaneEndpoint().isEmpty()) {
      // no address is guessed: kube-vip claims it on the nodes' network, so only the platform knows a free one
      f.error(Codes.MISSING_FIELD, AT, "a Proxmox cluster needs controlPlaneEndpoint (the kube-vip address)",
          "add controlPlaneEndpoint: <a free address on the nodes' network> (older form: control_plane_endpoint); "
              + "Lattice does not pick one");
    } else if (endpointPort(p.controlPlaneEndpoint().get()).isEmpty()) {
      f.error(Codes.INVALID_VALUE, AT + ".controlPlaneEndpoint", "controlPlaneEndpoint is HOST or HOST:PORT", null);
    }
    if (p.pool().isEmpty()) {
      f.error(Codes.MISSING_FIELD, AT, "a Proxmox cluster needs ipv4Pool (node addresses and gateway)",
          "add ipv4Pool: {range: 10.0.0.151-155/24, gateway: 10.0.0.1}");
    } else {
      ProxmoxAddresses a = ProxmoxAddresses.of(p.pool().get());
      if (a.addresses().isEmpty()) {
        f.error(Codes.MISSING_FIELD, AT + ".ipv4Pool", "the IPv4 pool has no addresses", "add range or addresses");
      }
      if (a.prefix().isEmpty()) {
        f.error(Codes.MISSING_FIELD, AT + ".ipv4Pool", "the IPv4 pool has no prefix length", "write range: A-B/24 or prefix: 24");
      }
    }
    if (p.dnsServers().isEmpty()) {
      f.error(Codes.MISSING_FIELD, AT + ".dnsServers", "a Proxmox cluster needs dnsServers", "add dnsServers: [10.0.0.1]");
    }
    p.networkModel().filter(m -> !MODELS.contains(m)).ifPresent(m -> f.error(Codes.INVALID_VALUE, AT + ".networkModel",
        "unknown network model '" + m + "'", "use one of " + new java.util.TreeSet<>(MODELS)));
    p.format().filter(m -> !FORMATS.contains(m)).ifPresent(m -> f.error(Codes.INVALID_VALUE, AT + ".format",
        "unknown disk format '" + m + "'", "use one of " + new java.util.TreeSet<>(FORMATS)));
    p.vlan().filter(v -> v < 1 || v > 4094).ifPresent(v -> f.error(Codes.INVALID_VALUE, AT + ".vlan", "VLAN " + v + " is outside 1-4094", null));
    if (!p.additionalNetworks().isEmpty()) {
      f.warning(Codes.UNSUPPORTED_CLUSTER_SETTING, AT + ".additionalNetworks",
          "additional networks are not compiled yet (they need IPAM pools); machines get one NIC", null);
    }
    MachineRole.all(plan).forEach(role -> {
      // a named type is the model validator's LAT4004; no size at all takes the defaults above
      role.instanceType().flatMap(InstanceType::diskGib).filter(d -> d < 5).ifPresent(d -> f.error(Codes.INVALID_VALUE,
          role.path() + ".instanceType.diskGib", "Proxmox boot disks are at least 5 GiB", null));
    });
  }

  @Override
  public ObjectNode clusterSpec(ClusterPlan plan) {
    ProviderConfig.Proxmox p = proxmox(plan);
    ObjectNode spec = Json.object();
    if (!p.allowedNodes().isEmpty()) {
      spec.set("allowedNodes", Json.strings(p.allowedNodes()));
    }
    String endpoint = p.controlPlaneEndpoint().orElseThrow();
    ObjectNode cpe = spec.putObject("controlPlaneEndpoint");
    cpe.put("host", endpointHost(endpoint));
    cpe.put("port", endpointPort(endpoint).orElseThrow());
    plan.credentials().ifPresent(c -> {
      ObjectNode ref = spec.putObject("credentialsRef");
      ref.put("name", c.name());
      c.namespace().ifPresent(ns -> ref.put("namespace", ns));
    });
    spec.set("dnsServers", Json.strings(p.dnsServers()));
    ProxmoxAddresses a = ProxmoxAddresses.of(p.pool().orElseThrow());
    ObjectNode ipv4 = spec.putObject("ipv4Config");
    ipv4.set("addresses", Json.strings(a.addresses()));
    ipv4.put("gateway", a.gateway());
    ipv4.put("prefix", a.prefix().orElseThrow());
    return spec;
  }

  @Override
  public ObjectNode machineSpec(ClusterPlan plan, MachineRole role) {
    ProviderConfig.Proxmox p = proxmox(plan);
    InstanceType size = role.instanceType().orElse(NO_SIZE);
    int disk = role.controlPlane() ? DEFAULT_CP_DISK_GIB : DEFAULT_WORKER_DISK_GIB;
    ObjectNode spec = Json.object();
    spec.put("sourceNode", p.sourceNode());
    spec.put("templateID", p.templateId());
    spec.put("full", true);
    p.format().ifPresent(x -> spec.put("format", x));
    p.storage().ifPresent(x -> spec.put("storage", x));
    spec.put("numSockets", size.sockets().orElse(1));
    spec.put("numCores", size.cores().orElse(DEFAULT_CORES));
    spec.put("memoryMiB", size.memoryGib().orElse(DEFAULT_MEMORY_GIB) * 1024);
    spec.putObject("disks").putObject("bootVolume").put("disk", BOOT_DISK).put("sizeGb", size.diskGib().orElse(disk));
    ObjectNode nic = spec.putObject("network").putArray("networkDevices").addObject();
    nic.put("name", "net0");
    nic.put("bridge", p.bridge().orElse(DEFAULT_BRIDGE));
    nic.put("model", p.networkModel().orElse(DEFAULT_MODEL));
    p.vlan().ifPresent(v -> nic.put("vlan", v));
    nic.put("defaultIPv4", true);
    // provider-id: proxmox://<uuid> in the nocloud metadata, which Talos reads and the Talos cloud controller
    // copies to the Node (ionos-cloud/cluster-api-provider-proxmox#342, #400)
    spec.putObject("metadataSettings").put("providerIDInjection", true);
    return spec;
  }

  /**
   * CAPMOX's Machine provider ID is {@code proxmox://<VM BIOS UUID>}, the cloud-init instance id. kubeadm
   * templates it into the kubelet's {@code provider-id} (CAPMOX's own kubeadm templates); so does RKE2, whose
   * CAPRKE2 cloud-init is a jinja template too (rancher/cluster-api-provider-rke2
   * bootstrap/internal/cloudinit/cloudinit.go: {@code ## template: jinja}), so its embedded cloud controller
   * finds the ID set and does not write {@code rke2://<node>}. Talos renders no template: its nodes get the ID
   * from the Talos cloud controller (see {@code CloudControllers}).
   */
  @Override
  public Map<String, String> kubeletArgs(ProviderSpec.Bootstrap bootstrap) {
    return switch (bootstrap) {
      case KUBEADM -> Map.of("provider-id", "proxmox://'{{ ds.meta_data.instance_id }}'");
      case RKE2 -> Map.of("provider-id", "proxmox://{{ ds.meta_data.instance_id }}");
      case TALOS -> Map.of();
    };
  }

  @Override
  public List<ObjectNode> controlPlaneFiles(ClusterPlan plan) {
    ProviderConfig.Proxmox p = proxmox(plan);
    String endpoint = p.controlPlaneEndpoint().orElseThrow();
    return List.of(KubeVip.file(plan.bootstrap(), endpointHost(endpoint), endpointPort(endpoint).orElseThrow(),
        p.virtualIpNetworkInterface()));
  }

  @Override
  public List<String> controlPlanePreCommands(ClusterPlan plan) {
    return KubeVip.preCommands(plan.bootstrap());
  }

  static String endpointHost(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    return colon > 0 && endpoint.indexOf(':') == colon ? endpoint.substring(0, colon) : endpoint;
  }

  static Optional<Integer> endpointPort(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    if (colon <= 0 || endpoint.indexOf(':') != colon) {
      return Optional.of(API_PORT);
    }
    try {
      int port = Integer.parseInt(endpoint.substring(colon + 1));
      return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
