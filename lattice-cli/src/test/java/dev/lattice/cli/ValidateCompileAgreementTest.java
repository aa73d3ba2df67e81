package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.testkit.fleet.FleetGenerator;
import dev.lattice.testkit.fleet.FleetShape;
import dev.lattice.testkit.fleet.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code validate} and {@code compile} give one answer: the same error codes at the same positions,
 * over generated fleets, mutated examples and generated clusters with broken provider settings (the
 * rules emitters used to hold: an AWS root volume under 8 GB, a Proxmox cluster without its VIP, an
 * unknown disk format, ...). Seeds are printed; replay with {@code -Dlattice.seed=}.
 */
class ValidateCompileAgreementTest {
  private final LatticeCompiler compiler = LatticeCompiler.builder().build();

  private static List<String> errors(Compilation c) {
    return c.diagnostics().stream().filter(Diagnostic::isError)
        .map(d -> d.code() + " " + d.position().file() + ":" + d.position().line() + ":" + d.position().column()).toList();
  }

  private void agree(Map<String, String> files, String context) {
    Compilation compiled = compiler.compile(Sources.fromStrings(files));
    Compilation validated = compiler.validate(Sources.fromStrings(files));
    assertThat(errors(validated)).as(context + "\n" + ExampleRun.render(compiled.diagnostics())).isEqualTo(errors(compiled));
  }

  @Test
  void generatedFleetsAgree() {
    long base = Seeds.base();
    for (int i = 0; i < 5; i++) {
      long seed = Seeds.of(base, i);
      agree(FleetGenerator.generate(seed, FleetShape.small()).files(), "fleet seed " + seed);
    }
  }

  @Test
  void mutatedExamplesAgree() throws IOException {
    Path root = ProjectPaths.root();
    List<Path> dirs = ExampleRun.exampleDirs(root).stream().filter(d -> !Files.isDirectory(d.resolve(".lattice"))).toList();
    long seed = Seeds.base();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 150; i++) {
      Path dir = dirs.get(random.nextInt(dirs.size()));
      Map<String, String> files = new TreeMap<>();
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path f : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          files.put(root.relativize(f).toString(), Files.readString(f));
        }
      }
      String victim = List.copyOf(files.keySet()).get(random.nextInt(files.size()));
      files.put(victim, CompilerFuzzTest.mutate(files.get(victim), random));
      agree(files, "seed " + seed + ", mutant " + i + " of " + victim);
    }
  }

  @Test
  void generatedClustersValidAndBrokenAgree() {
    long seed = Seeds.base();
    SplittableRandom random = new SplittableRandom(seed);
    int broken = 0;
    for (int i = 0; i < 120; i++) {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("cluster.yaml", cluster(random));
      Compilation c = compiler.compile(Sources.fromStrings(files));
      broken += c.hasErrors() ? 1 : 0;
      agree(files, "seed " + seed + ", cluster " + i + "\n" + files.get("cluster.yaml"));
    }
    assertThat(broken).as("seed " + seed + ": some generated clusters are broken").isPositive().isLessThan(120);
  }

  /** A cluster of a random provider and form, some of its settings outside what the provider accepts. */
  private static String cluster(SplittableRandom r) {
    boolean older = r.nextBoolean();
    String provider = List.of("docker", "aws", "proxmox", "openstack").get(r.nextInt(4));
    int cp = List.of(1, 2, 3).get(r.nextInt(3));
    StringBuilder y = new StringBuilder(older ? "apiVersion: lattice.io/v1alpha1\n" : "apiVersion: lattice.dev/v1alpha1\n");
    y.append("kind: LatticeCluster\nmetadata:\n  name: c").append(r.nextInt(100)).append("\nspec:\n  provider:\n")
        .append("    kubernetes:\n      version: ").append(r.nextInt(5) == 0 ? "1.32" : "1.32.0").append('\n')
        .append(r.nextBoolean() ? "" : (older ? "      bootstrap_provider: " : "      bootstrap: ")
            + List.of("kubeadm", "rke2", "talos").get(r.nextInt(3)) + "\n")
        .append("    config:\n");
    int size = List.of(5, 8, 100).get(r.nextInt(3));
    switch (provider) {
      case "docker" -> y.append("      docker: {}\n");
      case "aws" -> {
        y.append("      aws:\n        region: us-east-1\n");
        if (r.nextBoolean()) {
          y.append("        load_balancer: {scheme: internal, type: ").append(r.nextBoolean() ? "nlb" : "gwlb").append("}\n");
        }
        if (older) {
          y.append("        control_plane: {instance_type: m5.xlarge, root_volume: {size: ").append(size).append("}}\n")
              .append("        worker: {instance_type: m5.large}\n");
        }
      }
      case "proxmox" -> {
        y.append("      proxmox:\n        sourceNode: pve1\n        templateId: 9000\n")
            .append("        ipv4Pool: {range: 10.0.0.151-155/24, gateway: 10.0.0.1}\n        dnsServers: [10.0.0.1]\n");
        if (r.nextBoolean()) {
          y.append("        controlPlaneEndpoint: 10.0.0.150\n");
        }
        if (r.nextInt(4) == 0) {
          y.append("        format: ").append(r.nextBoolean() ? "raw" : "iso").append('\n');
        }
      }
      default -> y.append("      openstack:\n        cloudName: c\n        externalNetwork: public\n")
          .append(r.nextBoolean() ? "        imageFilter: {name: ubuntu}\n" : "");
    }
    String type = switch (provider) {
      case "aws" -> "m5.large";
      case "openstack" -> "m1.large";
      default -> "";
    };
    y.append("  nodes:\n");
    if (older) {
      y.append("    control_plane: ").append(cp).append("\n    workers: ").append(r.nextInt(3)).append('\n');
    } else {
      y.append("    controlPlane:\n      replicas: ").append(cp).append('\n');
      if (!type.isEmpty()) {
        y.append("      instanceType: ").append(type).append("\n      rootVolume: {sizeGb: ").append(size).append("}\n");
      }
      y.append("    workerPools:\n      default:\n        replicas: 1\n");
      if (!type.isEmpty()) {
        y.append("        instanceType: ").append(type).append('\n');
      }
    }
    if (older && provider.equals("openstack")) {
      y.append("");
    }
    return y.toString();
  }
}
