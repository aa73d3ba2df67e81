package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.LatticeCluster;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed README's older LatticeCluster form: what it becomes, and where its mistakes are reported. */
class OlderClusterFormTest {
  private static final String HEAD = """
      apiVersion: lattice.io/v1alpha1
      kind: LatticeCluster
      metadata: {name: c}
      spec:
        provider:
          kubernetes: {version: 1.32.0, bootstrap_provider: rke2, cert_sans: [a.example.com]}
          config:
      """;

  private static ReadResult read(String config, String nodes) {
    return new LatticeReader().readString("c.yaml", HEAD + config + "  nodes: " + nodes + "\n");
  }

  private static List<Diagnostic> errors(ReadResult r) {
    return r.diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  @Test
  void rolesSizesLandInNodesAndNodesWinWhenBothAreWritten() {
    ReadResult r = read("""
              proxmox:
                source_node: pve1
                template_id: 9000
                cp_cores: 2
                cp_memory_mib: 8192
                worker_cores: 4
                worker_memory_mib: 16384
        """, "{control_plane: 3, workers: 2}");
    assertThat(errors(r)).isEmpty();
    LatticeCluster c = (LatticeCluster) r.objects().get(0).object();
    assertThat(c.spec().providerRef()).isEmpty();
    assertThat(c.spec().provider().kubernetes().bootstrap().wire()).isEqualTo("rke2");
    assertThat(c.spec().provider().kubernetes().certSANs()).containsExactly("a.example.com");
    assertThat(c.spec().nodes().controlPlane().replicas()).isEqualTo(3);
    assertThat(c.spec().nodes().controlPlane().instanceType().orElseThrow().memoryGib()).contains(8);
    assertThat(c.spec().nodes().workerPools()).containsOnlyKeys("default");
    assertThat(c.spec().nodes().workerPools().get("default").replicas()).contains(2);
    assertThat(c.spec().nodes().workerPools().get("default").instanceType().orElseThrow().cores()).contains(4);
    assertThat(r.diagnostics()).filteredOn(d -> d.code().equals(Codes.OLDER_CLUSTER_FORM)).singleElement()
        .satisfies(d -> assertThat(d.position().line()).isEqualTo(5));

    ReadResult both = read("""
              aws:
                region: us-east-1
                worker: {instance_type: m5.large}
        """, "{control_plane: 1, workerPools: {a: {replicas: 1, instance_type: m6i.large}, b: {replicas: 1}}}");
    LatticeCluster c2 = (LatticeCluster) both.objects().get(0).object();
    assertThat(c2.spec().nodes().workerPools().get("a").instanceType().orElseThrow().name()).contains("m6i.large");
    assertThat(c2.spec().nodes().workerPools().get("b").instanceType().orElseThrow().name()).contains("m5.large");
  }

  @Test
  void mistakesInTheOlderSectionsArePositioned() {
    ReadResult r = read("""
              proxmox:
                source_node: pve1
                template_id: 9000
                cp_cores: 2
                cp_memory_mib: 1000
        """, "{control_plane: 1, workers: 1}");
    assertThat(errors(r)).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Codes.INVALID_VALUE);
      assertThat(d.position().line()).isEqualTo(12);
      assertThat(d.message()).contains("cp_memory_mib", "GiB");
    });

    ReadResult section = read("""
              aws:
                region: us-east-1
                control_plane: {instance_type: m5.large, instance_typo: x}
                load_balancer: {scheme: sideways}
        """, "{control_plane: 1, workers: 1}");
    assertThat(errors(section)).extracting(Diagnostic::code).containsExactlyInAnyOrder(Codes.UNKNOWN_FIELD, Codes.INVALID_VALUE);
    assertThat(errors(section)).allSatisfy(d -> assertThat(d.position().line()).isBetween(10, 11));
  }
}
