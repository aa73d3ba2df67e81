package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.spi.CompilerOptions;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Example clusters of every provider and a compile helper. */
final class Fixtures {
  private Fixtures() {}

  static String cloudProvider(String name, String type, boolean credentials) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: CloudProvider
        metadata:
          name: %s
        spec:
          type: %s
        """.formatted(name, type)
        + (credentials ? "  credentialsSecretRef:\n    name: " + name + "-credentials\n    namespace: lattice-system\n" : "");
  }

  static String docker(String bootstrap) {
    return cloudProvider("docker", "docker", false) + """
        ---
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeCluster
        metadata:
          name: dev
        spec:
          providerRef: docker
          provider:
            kubernetes:
              version: "1.32.0"
              bootstrap: %s
              certSANs: ["127.0.0.1", "localhost"]
            config:
              docker: {}
          nodes:
            controlPlane:
              replicas: 1
            workerPools:
              default:
                replicas: 2
                labels:
                  topology.kubernetes.io/zone: zone-a
              gpu:
                min: 1
                max: 4
                taints:
                  - {key: nvidia.com/gpu, value: "true", effect: NoSchedule}
          registryMirrors:
            - {upstream: docker.io, mirror: "http://172.18.0.1:5555"}
          parentConfig:
            grpcPort: 50051
            bootstrapPort: 8443
            service:
              type: LoadBalancer
        """.formatted(bootstrap);
  }

  static String aws(String bootstrap) {
    return cloudProvider("aws", "aws", true) + """
        ---
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeCluster
        metadata:
          name: prod
        spec:
          providerRef: aws
          provider:
            kubernetes:
              version: "1.32.0"
              bootstrap: %s
            config:
              aws:
                region: us-west-2
                sshKeyName: ops
                vpcId: vpc-0123
                subnetIds: [subnet-a, subnet-b]
                internalLoadBalancer: true
                controlPlaneIamInstanceProfile: cp-profile
                amiId: ami-0abc
                bastion:
                  enabled: true
                  instanceType: t3.micro
                  allowedCidrBlocks: ["10.0.0.0/8"]
                tags:
                  team: platform
          nodes:
            controlPlane:
              replicas: 3
              instanceType: {name: m7i.large}
              rootVolume: {sizeGb: 80, type: gp3}
            workerPools:
              general:
                replicas: 3
                instanceType: m7i.xlarge
                rootVolume: {sizeGb: 100}
        """.formatted(bootstrap);
  }

  static String proxmox(String bootstrap) {
    return cloudProvider("pve", "proxmox", true) + """
        ---
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeCluster
        metadata:
          name: home
        spec:
          providerRef: pve
          provider:
            kubernetes:
              version: "1.32.0"
              bootstrap: %s
            config:
              proxmox:
                sourceNode: pve1
                templateId: 9000
                storage: local-lvm
                format: qcow2
                bridge: vmbr0
                controlPlaneEndpoint: "10.0.0.150"
                ipv4Pool: {range: "10.0.0.151-155/24", gateway: "10.0.0.1"}
                dnsServers: ["10.0.0.1"]
                virtualIpNetworkInterface: ens18
                allowedNodes: [pve1, pve2]
          nodes:
            controlPlane:
              replicas: 1
              instanceType: {cores: 4, memoryGib: 8, diskGib: 50}
            workerPools:
              default:
                replicas: 2
                instanceType: {cores: 8, memoryGib: 16, diskGib: 100, sockets: 2}
        """.formatted(bootstrap);
  }

  static String openstack(String bootstrap) {
    return cloudProvider("ostack", "openstack", true) + """
        ---
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeCluster
        metadata:
          name: edge
        spec:
          providerRef: ostack
          provider:
            kubernetes:
              version: "1.32.0"
              bootstrap: %s
            config:
              openstack:
                cloudName: openstack
                externalNetwork: public
                nodeCidr: 10.8.0.0/24
                dnsNameservers: ["1.1.1.1"]
                imageFilter: {name: ubuntu-2404-kube-v1.32.0}
                sshKeyName: ops
                bastion: true
          networking:
            podCidrs: ["10.200.0.0/16"]
            serviceCidrs: ["10.201.0.0/16"]
          nodes:
            controlPlane:
              replicas: 3
              instanceType: {name: m1.large}
              rootVolume: {sizeGb: 50}
            workerPools:
              workers:
                replicas: 2
                instanceType: m1.xlarge
        """.formatted(bootstrap);
  }

  static Compilation compile(Map<String, String> files) {
    return LatticeCompiler.builder().emitters(new CapiEmitter()).build().compile(Sources.fromStrings(files));
  }

  /** Compiles in the topology form and asserts there is no error. */
  static List<Document> topology(String yaml) {
    Compilation c = LatticeCompiler.builder().emitters(new CapiEmitter()).capiStyle(CompilerOptions.CapiStyle.TOPOLOGY).build()
        .compile(Sources.fromStrings(Map.of("c.yaml", yaml)));
    assertThat(c.hasErrors()).as(render(c.diagnostics())).isFalse();
    return c.documents();
  }

  static Compilation compile(String yaml) {
    return compile(Map.of("c.yaml", yaml));
  }

  /** Compiles and asserts there is no error. */
  static List<Document> documents(String yaml) {
    Compilation c = compile(yaml);
    assertThat(c.hasErrors()).as(render(c.diagnostics())).isFalse();
    return c.documents();
  }

  static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
  }
}
