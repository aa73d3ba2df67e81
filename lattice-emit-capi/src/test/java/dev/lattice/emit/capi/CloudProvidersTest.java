package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AWS, Proxmox and OpenStack, each with both bootstrap providers. */
class CloudProvidersTest {

  @ParameterizedTest
  @ValueSource(strings = {"kubeadm", "rke2"})
  void aws(String bootstrap) {
    List<Document> docs = Fixtures.documents(Fixtures.aws(bootstrap));
    JsonNode c = Docs.one(docs, "AWSCluster").path("spec");
    assertThat(c.path("region").asText()).isEqualTo("us-west-2");
    assertThat(c.path("sshKeyName").asText()).isEqualTo("ops");
    assertThat(c.at("/network/vpc/id").asText()).isEqualTo("vpc-0123");
    assertThat(c.at("/network/subnets").findValuesAsText("id")).containsExactly("subnet-a", "subnet-b");
    assertThat(c.at("/controlPlaneLoadBalancer/scheme").asText()).isEqualTo("internal");
    assertThat(c.at("/controlPlaneLoadBalancer/loadBalancerType").asText()).isEqualTo("nlb");
    assertThat(c.at("/bastion/enabled").asBoolean()).isTrue();
    assertThat(c.at("/bastion/instanceType").asText()).isEqualTo("t3.micro");
    assertThat(c.at("/additionalTags/team").asText()).isEqualTo("platform");
    assertThat(c.at("/identityRef/kind").asText()).isEqualTo("AWSClusterStaticIdentity");
    assertThat(c.at("/identityRef/name").asText()).isEqualTo("aws-credentials");
    JsonNode cp = Docs.named(docs, "AWSMachineTemplate", "prod-control-plane-").at("/spec/template/spec");
    assertThat(cp.path("instanceType").asText()).isEqualTo("m7i.large");
    assertThat(cp.path("iamInstanceProfile").asText()).isEqualTo("cp-profile");
    assertThat(cp.at("/rootVolume/size").asInt()).isEqualTo(80);
    assertThat(cp.at("/rootVolume/type").asText()).isEqualTo("gp3");
    assertThat(cp.at("/ami/id").asText()).isEqualTo("ami-0abc");
    JsonNode w = Docs.named(docs, "AWSMachineTemplate", "prod-pool-general-").at("/spec/template/spec");
    assertThat(w.path("instanceType").asText()).isEqualTo("m7i.xlarge");
    assertThat(w.path("iamInstanceProfile").asText()).isEqualTo(AwsInfrastructure.NODE_PROFILE);
    assertThat(w.path("sshKeyName").asText()).isEqualTo("ops");
    assertThat(controlPlane(docs).path("replicas").asInt()).isEqualTo(3);
    assertThat(docs.toString()).doesNotContain("aws_secret_access_key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubeadm", "rke2"})
  void proxmox(String bootstrap) {
    List<Document> docs = Fixtures.documents(Fixtures.proxmox(bootstrap));
    JsonNode c = Docs.one(docs, "ProxmoxCluster");
    assertThat(c.path("apiVersion").asText()).isEqualTo("infrastructure.cluster.x-k8s.io/v1alpha2");
    JsonNode s = c.path("spec");
    assertThat(s.at("/controlPlaneEndpoint/host").asText()).isEqualTo("10.0.0.150");
    assertThat(s.at("/controlPlaneEndpoint/port").asInt()).isEqualTo(6443);
    assertThat(s.at("/ipv4Config/addresses/0").asText()).isEqualTo("10.0.0.151-10.0.0.155");
    assertThat(s.at("/ipv4Config/gateway").asText()).isEqualTo("10.0.0.1");
    assertThat(s.at("/ipv4Config/prefix").asInt()).isEqualTo(24);
    assertThat(s.at("/dnsServers/0").asText()).isEqualTo("10.0.0.1");
    assertThat(s.at("/allowedNodes").toString()).isEqualTo("[\"pve1\",\"pve2\"]");
    assertThat(s.at("/credentialsRef/name").asText()).isEqualTo("pve-credentials");
    assertThat(s.at("/credentialsRef/namespace").asText()).isEqualTo("lattice-system");
    JsonNode w = Docs.named(docs, "ProxmoxMachineTemplate", "home-pool-default-").at("/spec/template/spec");
    assertThat(w.path("sourceNode").asText()).isEqualTo("pve1");
    assertThat(w.path("templateID").asInt()).isEqualTo(9000);
    assertThat(w.path("full").asBoolean()).isTrue();
    assertThat(w.path("format").asText()).isEqualTo("qcow2");
    assertThat(w.path("storage").asText()).isEqualTo("local-lvm");
    assertThat(w.path("numSockets").asInt()).isEqualTo(2);
    assertThat(w.path("numCores").asInt()).isEqualTo(8);
    assertThat(w.path("memoryMiB").asInt()).isEqualTo(16384);
    assertThat(w.at("/disks/bootVolume/sizeGb").asInt()).isEqualTo(100);
    assertThat(w.at("/network/networkDevices/0/bridge").asText()).isEqualTo("vmbr0");
    assertThat(w.at("/network/networkDevices/0/model").asText()).isEqualTo("virtio");
    JsonNode cpm = Docs.named(docs, "ProxmoxMachineTemplate", "home-control-plane-").at("/spec/template/spec");
    assertThat(cpm.path("numSockets").asInt()).isEqualTo(1);
    assertThat(cpm.path("memoryMiB").asInt()).isEqualTo(8192);
    String cpFiles = controlPlane(docs).toString();
    assertThat(cpFiles).contains("kube-vip").contains("10.0.0.150").contains("ens18");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubeadm", "rke2"})
  void openstack(String bootstrap) {
    List<Document> docs = Fixtures.documents(Fixtures.openstack(bootstrap));
    JsonNode s = Docs.one(docs, "OpenStackCluster").path("spec");
    assertThat(s.at("/identityRef/cloudName").asText()).isEqualTo("openstack");
    assertThat(s.at("/identityRef/name").asText()).isEqualTo("ostack-credentials");
    assertThat(s.at("/externalNetwork/filter/name").asText()).isEqualTo("public");
    assertThat(s.at("/managedSecurityGroups/allowAllInClusterTraffic").asBoolean()).isTrue();
    assertThat(s.at("/managedSubnets/0/cidr").asText()).isEqualTo("10.8.0.0/24");
    assertThat(s.at("/managedSubnets/0/dnsNameservers/0").asText()).isEqualTo("1.1.1.1");
    assertThat(s.at("/bastion/enabled").asBoolean()).isTrue();
    assertThat(s.at("/bastion/spec/flavor/filter/name").asText()).isEqualTo("m1.large");
    JsonNode w = Docs.named(docs, "OpenStackMachineTemplate", "edge-pool-workers-").at("/spec/template/spec");
    assertThat(w.at("/flavor/filter/name").asText()).isEqualTo("m1.xlarge");
    assertThat(w.at("/image/filter/name").asText()).isEqualTo("ubuntu-2404-kube-v1.32.0");
    assertThat(w.path("sshKeyName").asText()).isEqualTo("ops");
    JsonNode cpm = Docs.named(docs, "OpenStackMachineTemplate", "edge-control-plane-").at("/spec/template/spec");
    assertThat(cpm.at("/rootVolume/sizeGiB").asInt()).isEqualTo(50);
    JsonNode net = Docs.one(docs, "Cluster").at("/spec/clusterNetwork");
    assertThat(net.at("/pods/cidrBlocks/0").asText()).isEqualTo("10.200.0.0/16");
    assertThat(net.at("/services/cidrBlocks/0").asText()).isEqualTo("10.201.0.0/16");
  }

  private static JsonNode controlPlane(List<Document> docs) {
    return docs.stream().filter(d -> d.kind().endsWith("ControlPlane")).findFirst().orElseThrow().json().path("spec");
  }
}
