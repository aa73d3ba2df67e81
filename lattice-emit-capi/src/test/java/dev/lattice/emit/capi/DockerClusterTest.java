package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DockerClusterTest {

  @Test
  void kubeadmClusterHasEveryCapiDocumentInItsNamespace() {
    List<Document> docs = Fixtures.documents(Fixtures.docker("kubeadm"));
    Set<String> kinds = docs.stream().map(Document::kind).collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrder("Namespace", "Cluster", "DockerCluster", "DockerMachineTemplate",
        "KubeadmControlPlane", "KubeadmConfigTemplate", "MachineDeployment", "MachineHealthCheck", "Service", "ConfigMap",
        "ClusterResourceSet");
    docs.stream().filter(d -> d.apiVersion().contains("cluster.x-k8s.io"))
        .forEach(d -> assertThat(d.namespace()).as(d.id()).contains("capi-dev"));
    assertThat(Docs.ofKind(docs, "MachineHealthCheck")).extracting(Document::name)
        .containsExactly("dev-control-plane", "dev-pool-default", "dev-pool-gpu");
  }

  @Test
  void clusterReferencesControlPlaneAndInfrastructure() {
    List<Document> docs = Fixtures.documents(Fixtures.docker("kubeadm"));
    JsonNode spec = Docs.one(docs, "Cluster").path("spec");
    assertThat(spec.at("/controlPlaneRef/apiGroup").asText()).isEqualTo("controlplane.cluster.x-k8s.io");
    assertThat(spec.at("/controlPlaneRef/kind").asText()).isEqualTo("KubeadmControlPlane");
    assertThat(spec.at("/controlPlaneRef/name").asText()).isEqualTo("dev-control-plane");
    assertThat(spec.at("/infrastructureRef/kind").asText()).isEqualTo("DockerCluster");
    assertThat(spec.at("/clusterNetwork/pods/cidrBlocks/0").asText()).isEqualTo("10.244.0.0/16");
    assertThat(spec.at("/clusterNetwork/services/cidrBlocks/0").asText()).isEqualTo("10.96.0.0/12");
  }

  @Test
  void kubeadmControlPlaneCarriesVersionSansAndRegistration() {
    JsonNode spec = Fixtures.documents(Fixtures.docker("kubeadm")).stream()
        .filter(d -> d.kind().equals("KubeadmControlPlane")).findFirst().orElseThrow().json().path("spec");
    assertThat(spec.path("replicas").asInt()).isEqualTo(1);
    assertThat(spec.path("version").asText()).isEqualTo("v1.32.0");
    assertThat(spec.at("/kubeadmConfigSpec/clusterConfiguration/apiServer/certSANs").toString())
        .isEqualTo("[\"127.0.0.1\",\"localhost\"]");
    assertThat(spec.at("/machineTemplate/spec/infrastructureRef/name").asText()).startsWith("dev-control-plane-");
    assertThat(spec.at("/kubeadmConfigSpec/postKubeadmCommands/0").asText()).isEqualTo("/bin/sh /etc/lattice/bootstrap/register.sh");
    JsonNode files = spec.at("/kubeadmConfigSpec/files");
    assertThat(files.toString()).contains("\"name\":\"dev-bootstrap-token\"").contains("/etc/containerd/certs.d/docker.io/hosts.toml");
    assertThat(files.toString()).doesNotContainIgnoringCase("bearer ey");
  }

  @Test
  void poolsCarryLabelsTaintsAndReplicasOrAutoscalerBounds() {
    List<Document> docs = Fixtures.documents(Fixtures.docker("kubeadm"));
    JsonNode fixed = Docs.named(docs, "MachineDeployment", "dev-pool-default");
    assertThat(fixed.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(fixed.at("/metadata/annotations").isMissingNode()).isTrue();
    JsonNode scaled = Docs.named(docs, "MachineDeployment", "dev-pool-gpu");
    assertThat(scaled.at("/spec/replicas").isMissingNode()).isTrue();
    assertThat(scaled.at("/metadata/annotations").toString())
        .contains("\"cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size\":\"1\"")
        .contains("\"cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size\":\"4\"");
    JsonNode labelled = Docs.named(docs, "KubeadmConfigTemplate", "dev-pool-default-");
    assertThat(labelled.at("/spec/template/spec/joinConfiguration/nodeRegistration/kubeletExtraArgs").toString())
        .contains("{\"name\":\"node-labels\",\"value\":\"topology.kubernetes.io/zone=zone-a\"}");
    JsonNode tainted = Docs.named(docs, "KubeadmConfigTemplate", "dev-pool-gpu-");
    assertThat(tainted.at("/spec/template/spec/joinConfiguration/nodeRegistration/taints/0").toString())
        .isEqualTo("{\"effect\":\"NoSchedule\",\"key\":\"nvidia.com/gpu\",\"value\":\"true\"}");
    String configName = Docs.named(docs, "KubeadmConfigTemplate", "dev-pool-gpu-").at("/metadata/name").asText();
    assertThat(scaled.at("/spec/template/spec/bootstrap/configRef/name").asText()).isEqualTo(configName);
    assertThat(scaled.at("/spec/template/spec/bootstrap/configRef/kind").asText()).isEqualTo("KubeadmConfigTemplate");
  }

  @Test
  void dockerMachinesRunTheKindImageOfTheVersion() {
    JsonNode m = Docs.named(Fixtures.documents(Fixtures.docker("kubeadm")), "DockerMachineTemplate", "dev-pool-default-");
    assertThat(m.at("/spec/template/spec/customImage").asText()).isEqualTo("kindest/node:v1.32.0");
  }

  @Test
  void rke2UsesRke2KindsVersionAndAgentConfig() {
    List<Document> docs = Fixtures.documents(Fixtures.docker("rke2"));
    JsonNode cp = Docs.one(docs, "RKE2ControlPlane").path("spec");
    assertThat(cp.path("version").asText()).isEqualTo("v1.32.0+rke2r1");
    assertThat(cp.at("/rolloutStrategy/type").asText()).isEqualTo("RollingUpdate");
    assertThat(cp.at("/serverConfig/tlsSan/1").asText()).isEqualTo("localhost");
    assertThat(cp.at("/postRKE2Commands/0").asText()).isEqualTo("/bin/sh /etc/lattice/bootstrap/register.sh");
    assertThat(cp.at("/privateRegistriesConfig/mirrors/docker.io/endpoint/0").asText()).isEqualTo("http://172.18.0.1:5555");
    assertThat(Docs.ofKind(docs, "KubeadmControlPlane")).isEmpty();
    JsonNode labelled = Docs.named(docs, "RKE2ConfigTemplate", "dev-pool-default-");
    assertThat(labelled.at("/spec/template/spec/agentConfig/nodeLabels/0").asText()).isEqualTo("topology.kubernetes.io/zone=zone-a");
    JsonNode tainted = Docs.named(docs, "RKE2ConfigTemplate", "dev-pool-gpu-");
    assertThat(tainted.at("/spec/template/spec/agentConfig/nodeTaints/0").asText()).isEqualTo("nvidia.com/gpu=true:NoSchedule");
    assertThat(Docs.named(docs, "MachineDeployment", "dev-pool-gpu").at("/spec/template/spec/version").asText())
        .isEqualTo("v1.32.0+rke2r1");
    assertThat(Docs.one(docs, "Cluster").at("/spec/controlPlaneRef/kind").asText()).isEqualTo("RKE2ControlPlane");
  }

  @Test
  void cellExposesItsPortsAndSettings() {
    List<Document> docs = Fixtures.documents(Fixtures.docker("kubeadm"));
    JsonNode svc = Docs.one(docs, "Service");
    assertThat(svc.at("/metadata/namespace").asText()).isEqualTo("lattice-system");
    assertThat(svc.at("/metadata/name").asText()).isEqualTo("lattice-cell");
    assertThat(svc.at("/spec/type").asText()).isEqualTo("LoadBalancer");
    assertThat(svc.at("/spec/ports").findValuesAsText("name")).containsExactly("grpc", "bootstrap", "proxy");
    assertThat(svc.at("/spec/ports").findValues("port")).extracting(JsonNode::asInt).containsExactly(50051, 8443, 8081);
    JsonNode cm = Docs.named(docs, "ConfigMap", "lattice-cell");
    assertThat(cm.at("/data/cluster").asText()).isEqualTo("dev");
    assertThat(cm.at("/data/bootstrapPort").asText()).isEqualTo("8443");
    assertThat(cm.at("/data/host").isMissingNode()).isTrue();
  }
}
