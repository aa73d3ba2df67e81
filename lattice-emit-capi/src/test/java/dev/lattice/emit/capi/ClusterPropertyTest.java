package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties over generated clusters — every provider and bootstrap, add-on flags and Cilium
 * toggles, a third in the topology form — (seed from {@code -Dlattice.seed}, printed on failure): no
 * exception and no error, names within 63 characters and unique, every reference resolves to an
 * emitted document (CAPI refs, ClusterClass templateRefs and classRef, ClusterResourceSet ConfigMaps), and — in one batch — every document passes the upstream schemas.
 */
class ClusterPropertyTest {
  static final int CASES = 60;

  @Test
  void generatedClustersCompileToValidConsistentDocuments(@TempDir Path out) throws Exception {
    long seed = Long.getLong("lattice.seed", 20261123L);
    SplittableRandom random = new SplittableRandom(seed);
    ClusterGenerator gen = new ClusterGenerator(random);
    int documents = 0;
    String current = "";
    try {
      for (int i = 0; i < CASES; i++) {
        current = gen.cluster();
        boolean topology = random.nextInt(3) == 0;
        List<Document> docs = topology ? Fixtures.topology(current) : Fixtures.documents(current);
        assertThat(docs).isNotEmpty();
        namesFitAndAreUnique(docs);
        referencesResolve(docs);
        TopologyTest.templateRefsResolve(docs);
        addonReferencesResolve(docs);
        List<String> addons = AddonDocs.texts(docs);
        Files.writeString(out.resolve("case-" + i + ".yaml"), DocumentWriter.toYaml(docs) + String.join("", addons),
            StandardCharsets.UTF_8);
        documents += docs.size() + addons.size();
      }
      SchemaValidator.assertValid(out, documents);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("property failed with seed " + seed + " (replay: -Dlattice.seed=" + seed + ")\ninput:\n"
          + current + "\n" + e.getMessage(), e);
    }
  }

  static void namesFitAndAreUnique(List<Document> docs) {
    Set<String> ids = new HashSet<>();
    for (Document d : docs) {
      assertThat(d.name().length()).as(d.id()).isLessThanOrEqualTo(63);
      d.namespace().ifPresent(ns -> assertThat(ns.length()).as(d.id()).isLessThanOrEqualTo(63));
      assertThat(ids.add(d.apiVersion() + " " + d.id())).as("unique " + d.id()).isTrue();
    }
  }

  static void referencesResolve(List<Document> docs) {
    for (Document d : docs) {
      JsonNode spec = d.json().path("spec");
      switch (d.kind()) {
        case "Cluster" -> {
          if (spec.has("topology")) {
            continue; // TopologyTest.templateRefsResolve checks the class and its templates
          }
          resolves(docs, d, spec.path("controlPlaneRef"));
          resolves(docs, d, spec.path("infrastructureRef"));
        }
        case "KubeadmControlPlane", "RKE2ControlPlane" -> resolves(docs, d, spec.at("/machineTemplate/spec/infrastructureRef"));
        case "TalosControlPlane" -> {
          JsonNode t = spec.path("infrastructureTemplate");
          assertThat(docs).as(d.id() + " → " + t).anyMatch(x -> x.apiVersion().equals(t.path("apiVersion").asText())
              && x.kind().equals(t.path("kind").asText()) && x.name().equals(t.path("name").asText())
              && x.namespace().equals(java.util.Optional.of(t.path("namespace").asText())));
        }
        case "MachineDeployment" -> {
          resolves(docs, d, spec.at("/template/spec/bootstrap/configRef"));
          resolves(docs, d, spec.at("/template/spec/infrastructureRef"));
          clusterExists(docs, d, spec.path("clusterName").asText());
        }
        case "MachineHealthCheck" -> clusterExists(docs, d, spec.path("clusterName").asText());
        default -> { }
      }
    }
  }

  /** Inside the add-on ConfigMaps: every dependsOn names a HelmRelease, every sourceRef a HelmRepository; names fit. */
  static void addonReferencesResolve(List<Document> docs) {
    List<JsonNode> inner = AddonDocs.parsed(docs);
    Set<String> ids = new HashSet<>();
    for (JsonNode d : inner) {
      String name = d.at("/metadata/name").asText();
      assertThat(name.length()).as(name).isLessThanOrEqualTo(63);
      assertThat(ids.add(d.path("kind").asText() + "/" + name)).as("unique " + name).isTrue();
    }
    for (JsonNode d : inner) {
      if (d.path("kind").asText().equals("HelmRelease")) {
        assertThat(ids).contains("HelmRepository/" + d.at("/spec/chart/spec/sourceRef/name").asText());
        d.at("/spec/dependsOn").findValuesAsText("name").forEach(dep -> assertThat(ids).contains("HelmRelease/" + dep));
      }
    }
  }

  private static void resolves(List<Document> docs, Document from, JsonNode ref) {
    assertThat(ref.isObject()).as(from.id() + " has a reference").isTrue();
    String group = ref.path("apiGroup").asText();
    String kind = ref.path("kind").asText();
    String name = ref.path("name").asText();
    assertThat(docs).as(from.id() + " → " + kind + "/" + name).anyMatch(d -> d.apiVersion().startsWith(group + "/")
        && d.kind().equals(kind) && d.name().equals(name) && d.namespace().equals(from.namespace()));
  }

  private static void clusterExists(List<Document> docs, Document from, String cluster) {
    assertThat(docs).as(from.id() + " → Cluster/" + cluster)
        .anyMatch(d -> d.kind().equals("Cluster") && d.name().equals(cluster) && d.namespace().equals(from.namespace()));
  }
}
