package dev.lattice.emit.capi;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates valid cluster specs (YAML with their CloudProvider) of every provider, bootstrap (kubeadm, RKE2,
 * Talos), pool shape, add-on flags and Cilium toggles. Avoids
 * networkModel e1000: the shared writer leaves it unquoted and strict YAML 1.1 readers take it for a number.
 */
final class ClusterGenerator {
  static final String[] PROVIDERS = {"docker", "aws", "proxmox", "openstack"};
  static final String[] BOOTSTRAPS = {"kubeadm", "rke2", "talos"};
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String[] EFFECTS = {"NoSchedule", "PreferNoSchedule", "NoExecute"};

  private final SplittableRandom r;

  ClusterGenerator(SplittableRandom r) {
    this.r = r;
  }

  /** A DNS label of 1..max characters. */
  String label(int max) {
    int len = 1 + r.nextInt(max);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      boolean edge = i == 0 || i == len - 1;
      sb.append(!edge && r.nextInt(6) == 0 ? '-' : ALNUM.charAt(r.nextInt(ALNUM.length())));
    }
    return sb.toString();
  }

  String cluster() {
    String provider = PROVIDERS[r.nextInt(PROVIDERS.length)];
    // CAPD cannot boot Talos (an error, tested on its own)
    String bootstrap = BOOTSTRAPS[r.nextInt(provider.equals("docker") ? 2 : 3)];
    String name = r.nextInt(4) == 0 ? label(63) : label(12);
    StringBuilder y = new StringBuilder(Fixtures.cloudProvider("p-" + provider, provider, r.nextBoolean()));
    y.append("---\napiVersion: lattice.dev/v1alpha1\nkind: LatticeCluster\nmetadata:\n  name: ").append(name).append('\n');
    y.append("spec:\n  providerRef: p-").append(provider).append('\n');
    y.append("  provider:\n    kubernetes:\n      version: \"1.").append(10 + r.nextInt(30)).append('.').append(r.nextInt(12))
        .append("\"\n      bootstrap: ").append(bootstrap).append('\n');
    if (r.nextBoolean()) {
      y.append("      certSANs: [\"127.0.0.1\", \"").append(label(20)).append(".example.com\"]\n");
    }
    y.append("    config:\n").append(config(provider));
    if (provider.equals("aws") && bootstrap.equals("talos")) {
      y.append("        amiId: ami-talos\n"); // Talos on AWS needs a Talos AMI
    }
    y.append("  nodes:\n    controlPlane:\n      replicas: ").append(1 + 2 * r.nextInt(3)).append('\n')
        .append(size(provider, "      "));
    int pools = r.nextInt(4);
    if (pools > 0) {
      y.append("    workerPools:\n");
      List<String> names = new ArrayList<>();
      for (int i = 0; i < pools; i++) {
        String pool = r.nextInt(5) == 0 ? label(50) : label(10);
        if (names.contains(pool)) {
          continue;
        }
        names.add(pool);
        y.append("      ").append(pool).append(":\n").append(pool(provider));
      }
    }
    if (r.nextInt(3) == 0) {
      y.append("  registryMirrors:\n    - {upstream: docker.io, mirror: \"http://10.0.0.1:5000\"}\n");
    }
    if (r.nextInt(3) == 0) {
      y.append("  networking: {podCidrs: [\"10.").append(r.nextInt(200)).append(".0.0/16\"], serviceDomain: cluster.local")
          .append(r.nextBoolean() ? ", cilium: " + cilium() : "").append("}\n");
    }
    y.append(addons());
    if (r.nextBoolean()) {
      String[] types = {"LoadBalancer", "NodePort", "ClusterIP"};
      y.append("  parentConfig:\n    grpcPort: ").append(1024 + r.nextInt(60000))
          .append("\n    service: {type: ").append(types[r.nextInt(3)]).append("}\n")
          .append(r.nextBoolean() ? "    host: cell.example.com\n" : "");
    }
    return y.toString();
  }

  /** Random add-on flags, each absent a third of the time. */
  private String addons() {
    StringBuilder y = new StringBuilder();
    flag(y, "services", Boolean.toString(r.nextBoolean()));
    flag(y, "gpu", Boolean.toString(r.nextBoolean()));
    flag(y, "monitoring", r.nextBoolean() ? Boolean.toString(r.nextBoolean()) : "{enabled: " + r.nextBoolean() + ", ha: " + r.nextBoolean() + "}");
    flag(y, "backups", r.nextBoolean() ? Boolean.toString(r.nextBoolean()) : "{enabled: " + r.nextBoolean() + "}");
    return y.toString();
  }

  private void flag(StringBuilder y, String name, String value) {
    if (r.nextInt(3) > 0) {
      y.append("  ").append(name).append(": ").append(value).append('\n');
    }
  }

  private String cilium() {
    String[] toggles = {"kubeProxyReplacement", "hubble", "hubbleUi", "wireguard", "gatewayApi", "l2Announcements", "bandwidthManager"};
    StringBuilder y = new StringBuilder("{");
    for (String t : toggles) {
      if (r.nextBoolean()) {
        y.append(y.length() > 1 ? ", " : "").append(t).append(": ").append(r.nextBoolean());
      }
    }
    return y.append('}').toString();
  }

  private String config(String provider) {
    return switch (provider) {
      case "docker" -> "      docker: {}\n";
      case "aws" -> "      aws:\n        region: eu-west-1\n"
          + (r.nextBoolean() ? "        sshKeyName: k\n        vpcId: vpc-1\n        subnetIds: [subnet-1, subnet-2]\n" : "")
          + (r.nextBoolean() ? "        internalLoadBalancer: true\n        loadBalancerType: nlb\n" : "")
          + (r.nextBoolean() ? "        bastion: {enabled: true}\n        tags: {team: x}\n" : "");
      case "proxmox" -> "      proxmox:\n        sourceNode: pve\n        templateId: " + (100 + r.nextInt(9000)) + "\n"
          + "        controlPlaneEndpoint: \"10.0.0.10" + (r.nextBoolean() ? ":6443" : "") + "\"\n"
          + (r.nextBoolean()
              ? "        ipv4Pool: {range: \"10.0.0.100-120/24\", gateway: \"10.0.0.1\"}\n"
              : "        ipv4Config: {addresses: [\"10.0.0.100-10.0.0.120\"], prefix: 24, gateway: \"10.0.0.1\"}\n")
          + "        dnsServers: [\"10.0.0.1\"]\n"
          + (r.nextBoolean() ? "        storage: local-lvm\n        format: qcow2\n        networkModel: vmxnet3\n        vlan: 10\n" : "");
      default -> "      openstack:\n        cloudName: c\n        externalNetwork: ext\n        imageFilter: {name: img}\n"
          + (r.nextBoolean() ? "        network: net\n        subnet: sub\n" : "        nodeCidr: 10.9.0.0/24\n")
          + (r.nextBoolean() ? "        bastion: true\n        disableFloatingIps: true\n        managedSecurityGroups: false\n" : "");
    };
  }

  private String size(String provider, String indent) {
    String disk = r.nextBoolean() ? indent + "rootVolume: {sizeGb: " + (8 + r.nextInt(200)) + "}\n" : "";
    return switch (provider) {
      case "aws", "openstack" -> indent + "instanceType: {name: m" + r.nextInt(9) + ".large}\n" + disk;
      case "proxmox" -> indent + "instanceType: {cores: " + (1 + r.nextInt(16)) + ", memoryGib: " + (1 + r.nextInt(64))
          + ", diskGib: " + (5 + r.nextInt(200)) + (r.nextBoolean() ? ", sockets: 2" : "") + "}\n";
      default -> "";
    };
  }

  private String pool(String provider) {
    StringBuilder y = new StringBuilder();
    if (r.nextBoolean()) {
      int min = r.nextInt(3);
      y.append("        min: ").append(min).append("\n        max: ").append(min + r.nextInt(5)).append('\n');
    } else {
      y.append("        replicas: ").append(r.nextInt(5)).append('\n');
    }
    y.append(size(provider, "        "));
    if (r.nextBoolean()) {
      y.append("        labels: {example.com/role: \"").append(label(8)).append("\", tier: gold}\n");
    }
    if (r.nextBoolean()) {
      y.append("        taints:\n          - {key: example.com/dedicated, ")
          .append(r.nextBoolean() ? "value: \"" + label(8) + "\", " : "")
          .append("effect: ").append(EFFECTS[r.nextInt(3)]).append("}\n");
    }
    return y.toString();
  }
}
