package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Severity;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One focused input per cluster diagnostic code (LAT4xxx), pinning code, severity, position and path. */
class ClusterDiagnosticsTest extends DiagnosticCases {

  @Test
  void lat4001EvenControlPlane() {
    Diagnostic d = only(CLUSTER_HEAD + """
          providerRef: docker
          provider:
            kubernetes: {version: 1.32.0}
            config: {docker: {}}
          nodes:
            controlPlane: {replicas: 2}
        """, Codes.EVEN_CONTROL_PLANE);
    assertAt(d, Severity.ERROR, 11, 30, "spec.nodes.controlPlane.replicas");
  }

  @Test
  void lat4002PoolMinAboveMax() {
    Diagnostic d = only(CLUSTER_HEAD + """
          providerRef: docker
          provider:
            kubernetes: {version: 1.32.0}
            config: {docker: {}}
          nodes:
            controlPlane: {replicas: 1}
            workerPools:
              default: {min: 5, max: 3}
        """, Codes.POOL_BOUNDS);
    assertAt(d, Severity.ERROR, 13, 22, "spec.nodes.workerPools.default.min");
  }

  @Test
  void lat4002PoolMixesReplicasAndBounds() {
    Diagnostic d = only(CLUSTER_HEAD + """
          providerRef: docker
          provider:
            kubernetes: {version: 1.32.0}
            config: {docker: {}}
          nodes:
            controlPlane: {replicas: 1}
            workerPools:
              default: {replicas: 2, min: 1, max: 3}
        """, Codes.POOL_BOUNDS);
    assertAt(d, Severity.ERROR, 13, 16, "spec.nodes.workerPools.default");
  }

  @Test
  void lat4003UnknownProviderBlock() {
    Diagnostic d = only(CLUSTER_HEAD + """
          providerRef: azure
          provider:
            kubernetes: {version: 1.32.0}
            config:
              azure: {location: westeurope}
          nodes:
            controlPlane: {replicas: 1}
        """, Codes.UNKNOWN_PROVIDER);
    assertAt(d, Severity.ERROR, 10, 7, "spec.provider.config.azure");
  }

  @Test
  void lat4003TyposOfAProviderGetADidYouMean() {
    Diagnostic d = only(CLUSTER_HEAD + """
          providerRef: docker
          provider:
            kubernetes: {version: 1.32.0}
            config:
              dokcer: {}
          nodes:
            controlPlane: {replicas: 1}
        """, Codes.UNKNOWN_PROVIDER);
    assertThat(d.hint()).hasValue("did you mean 'docker'?");
  }

  @Test
  void lat4003TwoProviderBlocks() {
    Diagnostic d = only(CLUSTER_HEAD + """
          providerRef: docker
          provider:
            kubernetes: {version: 1.32.0}
            config:
              docker: {}
              aws: {region: us-east-1}
          nodes:
            controlPlane: {replicas: 1}
        """, Codes.UNKNOWN_PROVIDER);
    assertAt(d, Severity.ERROR, 10, 7, "spec.provider.config");
  }

  @Test
  void lat4004NamedInstanceTypeOnProxmox() {
    Diagnostic d = only(CLUSTER_HEAD + """
          providerRef: proxmox
          provider:
            kubernetes: {version: 1.32.0}
            config:
              proxmox: {sourceNode: pve, templateId: 9000}
          nodes:
            controlPlane:
              replicas: 1
              instanceType: m5.large
        """, Codes.INSTANCE_TYPE);
    assertAt(d, Severity.ERROR, 14, 21, "spec.nodes.controlPlane.instanceType");
  }

  @Test
  void lat4006KubernetesVersion() {
    Diagnostic d = only(CLUSTER_HEAD + """
          providerRef: docker
          provider:
            kubernetes:
              version: "1.32"
            config: {docker: {}}
          nodes:
            controlPlane: {replicas: 1}
        """, Codes.K8S_VERSION);
    assertAt(d, Severity.ERROR, 9, 16, "spec.provider.kubernetes.version");
  }
}
