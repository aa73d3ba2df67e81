package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every node ends with the provider ID its Machine expects, on every provider and bootstrap, in both
 * forms. CAPI binds a Machine to its Node only on equal provider IDs (cluster-api book, Machine
 * controller), so this models what upstream does on a booted node:
 *
 * <ul>
 *   <li>the kubelet's {@code provider-id} flag wins, after cloud-init renders its jinja template
 *       (kubeadm and CAPRKE2 user data are jinja templates); kubeadm's flags reach the kubelet
 *       through systemd's {@code $KUBELET_KUBEADM_ARGS}, which systemd splits with quote removal
 *       (systemd.service, "Command lines"), while RKE2 passes {@code kubelet-arg} verbatim;
 *   <li>else, with {@code --cloud-provider=external}, the node waits for a cloud controller: the AWS
 *       one writes {@code aws:///<zone>/<instance>}, OpenStack's {@code openstack:///<id>}, Talos'
 *       the metadata's {@code provider-id} (CAPMOX writes it only with providerIDInjection) or else
 *       {@code talos://<platform>/<ip>}; with no controller installed the node keeps its
 *       uninitialized taint;
 *   <li>else RKE2's embedded cloud controller writes {@code rke2://<node>} (rancher/rke2#3464), CAPD
 *       writes {@code docker:////<machine>} on its own nodes, and kubeadm or Talos write none.
 * </ul>
 */
class ProviderIdTest {
  static final String UUID = "b38cd8b3-1c70-466e-b299-b57e2530ed1b";
  static final String EC2 = "i-0abc123";
  static final String ZONE = "us-west-2a";
  static final String NOVA = "5f3a2b1c-0000-4000-8000-000000000001";
  private static final YAMLMapper YAML = new YAMLMapper();

  static List<Arguments> clusters() {
    List<Arguments> out = new ArrayList<>();
    for (String provider : List.of("docker", "aws", "proxmox", "openstack")) {
      for (String bootstrap : List.of("kubeadm", "rke2", "talos")) {
        if (!(provider.equals("docker") && bootstrap.equals("talos"))) {
          out.add(Arguments.of(provider, bootstrap, false));
          out.add(Arguments.of(provider, bootstrap, true));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {1} topology={2}")
  @MethodSource("clusters")
  void everyNodeGetsTheProviderIdItsMachineExpects(String provider, String bootstrap, boolean topology) throws Exception {
    String yaml = switch (provider) {
      case "docker" -> Fixtures.docker(bootstrap);
      case "aws" -> Fixtures.aws(bootstrap);
      case "proxmox" -> Fixtures.proxmox(bootstrap);
      default -> Fixtures.openstack(bootstrap);
    };
    check(provider, bootstrap, parse(topology ? Fixtures.topology(yaml) : Fixtures.documents(yaml)));
  }

  @org.junit.jupiter.api.Test
  void everyGeneratedClusterToo() throws Exception {
    long seed = Long.getLong("lattice.seed", 20261123L);
    ClusterGenerator gen = new ClusterGenerator(new java.util.SplittableRandom(seed));
    for (int i = 0; i < 40; i++) {
      String cluster = gen.cluster();
      List<JsonNode> docs = parse(i % 2 == 0 ? Fixtures.documents(cluster) : Fixtures.topology(cluster));
      String kinds = docs.stream().map(d -> d.path("kind").asText()).toList().toString();
      String provider = kinds.contains("AWSMachineTemplate") ? "aws" : kinds.contains("ProxmoxMachineTemplate") ? "proxmox"
          : kinds.contains("OpenStackMachineTemplate") ? "openstack" : "docker";
      String bootstrap = kinds.contains("RKE2") ? "rke2" : kinds.contains("Talos") ? "talos" : "kubeadm";
      try {
        check(provider, bootstrap, docs);
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + " (replay: -Dlattice.seed=" + seed + ") case " + i + "\n" + cluster, e);
      }
    }
  }

  private static List<JsonNode> parse(List<Document> documents) throws Exception {
    List<JsonNode> docs = new ArrayList<>();
    for (Document d : documents) {
      docs.add(YAML.readTree(DocumentWriter.toYaml(List.of(d))));
    }
    return docs;
  }

  private static void check(String provider, String bootstrap, List<JsonNode> docs) throws Exception {
    Set<String> releases = releases(docs);
    boolean injected = docs.stream().anyMatch(d -> d.path("kind").asText().equals("ProxmoxMachineTemplate")
        && d.at("/spec/template/spec/metadataSettings/providerIDInjection").asBoolean(false));
    boolean embeddedCcm = bootstrap.equals("rke2") && docs.stream()
        .filter(d -> d.path("kind").asText().startsWith("RKE2ControlPlane"))
        .noneMatch(ProviderIdTest::embeddedCloudControllerOff);
    int configs = 0;
    for (JsonNode d : docs) {
      if (!isNodeConfig(d.path("kind").asText())) {
        continue;
      }
      configs++;
      String node = nodeProviderId(provider, embeddedCcm, d, releases, injected, bootstrap);
      assertThat(node).as(d.path("kind").asText() + "/" + d.at("/metadata/name").asText() + " releases " + releases)
          .isEqualTo(machineProviderId(provider));
    }
    assertThat(configs).isPositive();
  }

  /** The provider ID the infrastructure provider writes on the Machine (CAPD, CAPA, CAPMOX, CAPO). */
  static String machineProviderId(String provider) {
    return switch (provider) {
      case "docker" -> "docker:////machine-1";
      case "aws" -> "aws:///" + ZONE + "/" + EC2;
      case "proxmox" -> "proxmox://" + UUID;
      default -> "openstack:///" + NOVA;
    };
  }

  /**
   * RKE2 runs its embedded cloud controller unless {@code cloudController} is disabled or any
   * {@code cloud-provider-name} is set (rancher/rke2 pkg/rke2/rke2.go); the topology form's
   * kube-proxy patch replaces {@code disableComponents}, so the patch is read too.
   */
  static boolean embeddedCloudControllerOff(JsonNode controlPlane) {
    boolean disabled = controlPlane.findValues("kubernetesComponents").stream()
        .anyMatch(list -> list.toString().contains("\"cloudController\""));
    return disabled || !controlPlane.findValues("cloudProviderName").isEmpty();
  }

  static String nodeProviderId(String provider, boolean embeddedCcm, JsonNode config, Set<String> releases, boolean injected,
      String bootstrap) {
    Optional<String> flag = kubeletArg(config, "provider-id");
    if (flag.isPresent()) {
      String id = provider.equals("aws") ? EC2 : provider.equals("proxmox") ? UUID : NOVA;
      String rendered = flag.get().replace("{{ ds.meta_data.instance_id }}", id).replace("{{ instance_id }}", id);
      return bootstrap.equals("kubeadm") ? rendered.replace("'", "") : rendered;
    }
    if (externalCloud(config)) {
      if (provider.equals("aws") && releases.contains("aws-cloud-controller-manager")) {
        return "aws:///" + ZONE + "/" + EC2;
      }
      if (provider.equals("openstack") && releases.contains("openstack-cloud-controller-manager")) {
        return "openstack:///" + NOVA;
      }
      if (provider.equals("proxmox") && releases.contains("talos-cloud-controller-manager")) {
        return injected ? "proxmox://" + UUID : "talos://nocloud/10.0.0.151";
      }
      return "(none: no cloud controller removes the uninitialized taint)";
    }
    if (embeddedCcm) {
      return "rke2://node-1";
    }
    return provider.equals("docker") ? "docker:////machine-1" : "(none)";
  }

  static boolean isNodeConfig(String kind) {
    return Set.of("KubeadmControlPlane", "KubeadmControlPlaneTemplate", "KubeadmConfigTemplate", "RKE2ControlPlane",
        "RKE2ControlPlaneTemplate", "RKE2ConfigTemplate", "TalosControlPlane", "TalosConfigTemplate").contains(kind);
  }

  /** A kubelet flag as kubeadm ({@code kubeletExtraArgs}, map or name/value list), RKE2 ({@code k=v}) or a Talos patch sets it. */
  static Optional<String> kubeletArg(JsonNode config, String flag) {
    for (JsonNode args : config.findValues("kubeletExtraArgs")) {
      if (args.has(flag)) {
        return Optional.of(args.path(flag).asText());
      }
      for (JsonNode a : args) {
        if (a.path("name").asText().equals(flag)) {
          return Optional.of(a.path("value").asText());
        }
      }
    }
    for (JsonNode kubelet : config.findValues("kubelet")) {
      for (JsonNode a : kubelet.path("extraArgs")) {
        if (a.asText().startsWith(flag + "=")) {
          return Optional.of(a.asText().substring(flag.length() + 1));
        }
      }
    }
    for (JsonNode patches : config.findValues("configPatches")) {
      for (JsonNode p : patches) {
        if (p.path("path").asText().equals("/machine/kubelet/extraArgs") && p.path("value").has(flag)) {
          return Optional.of(p.path("value").path(flag).asText());
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the kubelet runs with {@code --cloud-provider=external}: its flag, RKE2's cloudProviderName, Talos' externalCloudProvider. */
  static boolean externalCloud(JsonNode config) {
    if (kubeletArg(config, "cloud-provider").filter("external"::equals).isPresent()) {
      return true;
    }
    if (config.findValues("cloudProviderName").stream().anyMatch(v -> v.asText().equals("external"))) {
      return true;
    }
    for (JsonNode patches : config.findValues("configPatches")) {
      for (JsonNode p : patches) {
        if (p.path("path").asText().equals("/cluster/externalCloudProvider") && p.path("value").path("enabled").asBoolean()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The HelmReleases the cluster's add-on ConfigMaps carry. */
  static Set<String> releases(List<JsonNode> docs) throws Exception {
    Set<String> out = new TreeSet<>();
    for (JsonNode d : docs) {
      if (!d.path("kind").asText().equals("ConfigMap")) {
        continue;
      }
      for (JsonNode value : d.path("data")) {
        JsonNode inner = YAML.readTree(value.asText());
        if (inner != null && inner.path("kind").asText().equals("HelmRelease")) {
          out.add(inner.at("/metadata/name").asText());
        }
      }
    }
    return out;
  }
}
