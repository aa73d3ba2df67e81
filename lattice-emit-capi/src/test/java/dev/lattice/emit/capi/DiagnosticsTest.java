package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lattice.compiler.Compilation;
import dev.lattice.model.diagnostics.Codes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specs a provider cannot express are errors with stable codes and positions; names stay short. */
class DiagnosticsTest {

  private static void error(Compilation c, String code, String text) {
    assertThat(c.hasErrors()).isTrue();
    assertThat(c.documents()).isEmpty();
    assertThat(c.diagnostics()).as(Fixtures.render(c.diagnostics()))
        .anyMatch(d -> d.isError() && d.code().equals(code) && d.message().contains(text) && d.position().line() > 0);
  }

  @Test
  void gpuPoolWithoutGpuInstanceTypeOnAwsIsAWarning() {
    String gpuPool = "              gpu:\n                replicas: 1\n                instanceType: %s\n"
        + "                taints: [{key: nvidia.com/gpu, effect: NoSchedule}]\n";
    String cpu = Fixtures.aws("kubeadm") + "  gpu: true\n";
    Compilation noGpu = Fixtures.compile(cpu.replace("          networking:", "").replace("        instanceType: m7i.xlarge\n",
        "        instanceType: m7i.xlarge\n" + gpuPool.formatted("m7i.2xlarge").replace("              ", "      ")));
    assertThat(noGpu.hasErrors()).as(Fixtures.render(noGpu.diagnostics())).isFalse();
    assertThat(noGpu.diagnostics()).as(Fixtures.render(noGpu.diagnostics()))
        .anyMatch(d -> d.code().equals(Codes.GPU_INSTANCE_TYPE) && d.message().contains("GPU pool gpu has instance type m7i.2xlarge"))
        .anyMatch(d -> d.code().equals(Codes.GPU_INSTANCE_TYPE) && d.path().equals("spec.gpu"));
    Compilation g5 = Fixtures.compile(cpu.replace("        instanceType: m7i.xlarge\n",
        "        instanceType: m7i.xlarge\n" + gpuPool.formatted("g5.xlarge").replace("              ", "      ")));
    assertThat(g5.diagnostics()).as(Fixtures.render(g5.diagnostics())).noneMatch(d -> d.code().equals(Codes.GPU_INSTANCE_TYPE));
    Compilation proxmox = Fixtures.compile(Fixtures.proxmox("kubeadm") + "  gpu: true\n");
    assertThat(proxmox.diagnostics()).noneMatch(d -> d.code().equals(Codes.GPU_INSTANCE_TYPE));
  }

  @Test
  void awsWithoutInstanceTypeIsAnError() {
    error(Fixtures.compile(Fixtures.aws("kubeadm").replace("        instanceType: m7i.xlarge\n", "")), Codes.MISSING_FIELD,
        "instance type (general)");
  }

  @Test
  void awsTinyRootVolumeIsAnError() {
    error(Fixtures.compile(Fixtures.aws("kubeadm").replace("sizeGb: 100", "sizeGb: 4")), Codes.INVALID_VALUE, "at least 8");
  }

  @Test
  void proxmoxWithoutDnsServersIsAnError() {
    error(Fixtures.compile(Fixtures.proxmox("kubeadm").replace("        dnsServers: [\"10.0.0.1\"]\n", "")),
        Codes.MISSING_FIELD, "dnsServers");
  }

  @Test
  void proxmoxWithoutEndpointIsAnError() {
    error(Fixtures.compile(Fixtures.proxmox("kubeadm").replace("        controlPlaneEndpoint: \"10.0.0.150\"\n", "")),
        Codes.MISSING_FIELD, "controlPlaneEndpoint");
  }

  @Test
  void openstackWithoutImageIsAnError() {
    error(Fixtures.compile(Fixtures.openstack("kubeadm").replace("        imageFilter: {name: ubuntu-2404-kube-v1.32.0}\n", "")),
        Codes.MISSING_FIELD, "image");
  }

  @Test
  void rke2NeedsATwoDigitMinor() {
    error(Fixtures.compile(Fixtures.docker("rke2").replace("1.32.0", "1.9.0")), Codes.K8S_VERSION, "RKE2");
  }

  @Test
  void twoCellsInOneInputAreAnError() {
    Compilation c = Fixtures.compile(Map.of("a.yaml", Fixtures.docker("kubeadm"),
        "b.yaml", Fixtures.aws("kubeadm").replace("              general:", "              general:") + "  parentConfig: {}\n"));
    error(c, Codes.DUPLICATE_OBJECT, "both cells");
  }

  @Test
  void validatorErrorsAreNotDuplicated() {
    Compilation c = Fixtures.compile(Fixtures.proxmox("kubeadm").replace("{cores: 8, memoryGib: 16, diskGib: 100, sockets: 2}", "n2.large"));
    assertThat(c.diagnostics().stream().filter(d -> d.isError())).singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo(Codes.INSTANCE_TYPE));
  }

  @Test
  void missingCloudProviderStillCompilesWithoutCredentialRefs() {
    Compilation c = Fixtures.compile(Fixtures.aws("kubeadm").replace("providerRef: aws", "providerRef: elsewhere"));
    assertThat(c.hasErrors()).as(Fixtures.render(c.diagnostics())).isFalse();
    assertThat(c.diagnostics()).anyMatch(d -> d.code().equals(Codes.PROVIDER_REF));
    assertThat(Docs.one(c.documents(), "AWSCluster").at("/spec/identityRef").isMissingNode()).isTrue();
  }

  @Test
  void longNamesAreShortenedStably() {
    String cluster = "a".repeat(63);
    assertThat(Names.namespace(cluster)).hasSize(63).startsWith("capi-aaa").matches(".*-[0-9a-f]{8}");
    assertThat(Names.namespace(cluster)).isEqualTo(Names.namespace(cluster));
    assertThat(Names.pool(cluster, "x")).isNotEqualTo(Names.pool(cluster, "y")).hasSize(63);
    var spec = JsonNodeFactory.instance.objectNode().put("a", 1);
    assertThat(Names.template(cluster, spec)).hasSize(63);
    assertThat(Names.template("c-pool-p", spec)).matches("c-pool-p-[0-9a-f]{8}");
    assertThat(Names.template("c-pool-p", spec)).isNotEqualTo(Names.template("c-pool-p", spec.deepCopy().put("a", 2)));
  }

  @Test
  void shortProxmoxRangesExpand() {
    assertThat(ProxmoxAddresses.expand("10.0.0.151-155")).isEqualTo("10.0.0.151-10.0.0.155");
    assertThat(ProxmoxAddresses.expand("10.0.0.151-10.0.0.155")).isEqualTo("10.0.0.151-10.0.0.155");
    assertThat(ProxmoxAddresses.expand("10.0.0.151")).isEqualTo("10.0.0.151");
  }
}
