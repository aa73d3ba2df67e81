package dev.lattice.emit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddonsTest {
  static final String ALL = "  gpu: true\n  monitoring: {enabled: true, ha: false}\n  backups: {enabled: true}\n";
  static final String NONE = "  services: false\n  monitoring: false\n  backups: false\n";

  @Test
  void defaultsAreCiliumTheAmbientMeshAndMonitoring() {
    List<Document> docs = Fixtures.documents(Fixtures.docker("kubeadm"));
    assertThat(AddonDocs.releaseNames(docs)).containsExactly(
        "cilium", "istio-base", "istiod", "istio-cni", "ztunnel", "external-secrets", "flagger", "tetragon", "cert-manager", "volcano", "victoria-metrics", "keda", "metrics-server", "velero");
    JsonNode crs = Docs.one(docs, "ClusterResourceSet");
    assertThat(crs.at("/metadata/name").asText()).isEqualTo("dev-addons");
    assertThat(crs.at("/metadata/namespace").asText()).isEqualTo("capi-dev");
    assertThat(crs.at("/spec/strategy").asText()).isEqualTo("Reconcile");
    assertThat(crs.at("/spec/clusterSelector/matchLabels").toString()).isEqualTo("{\"cluster.x-k8s.io/cluster-name\":\"dev\"}");
    assertThat(crs.at("/spec/resources").findValuesAsText("name"))
        .containsExactly("dev-addons-networking", "dev-addons-mesh", "dev-addons-monitoring", "dev-addons-backups");
    assertThat(Docs.one(docs, "Cluster").at("/metadata/labels/cluster.x-k8s.io~1cluster-name").asText()).isEqualTo("dev");
    assertThat(AddonDocs.release(docs, "victoria-metrics").at("/spec/values/vmcluster/enabled").asBoolean()).isTrue();
  }

  @Test
  void flagsAddAndRemoveGroups() {
    List<Document> all = Fixtures.documents(Fixtures.docker("rke2") + ALL);
    assertThat(AddonDocs.releaseNames(all)).containsExactly("cilium", "istio-base", "istiod", "istio-cni", "ztunnel",
        "external-secrets", "flagger", "tetragon", "cert-manager", "volcano", "node-feature-discovery", "nvidia-device-plugin", "hami", "victoria-metrics", "keda", "metrics-server", "velero");
    assertThat(AddonDocs.release(all, "victoria-metrics").at("/spec/values/vmsingle/enabled").asBoolean()).isTrue();
    assertThat(AddonDocs.release(all, "velero").at("/spec/valuesFrom/0/optional").asBoolean()).isTrue();
    assertThat(AddonDocs.release(all, "hami").at("/spec/values/scheduler/kubeScheduler/imageTag").asText()).isEqualTo("v1.32.0");
    List<Document> none = Fixtures.documents(Fixtures.docker("kubeadm") + NONE);
    assertThat(AddonDocs.releaseNames(none)).containsExactly("cilium");
    assertThat(AddonDocs.release(none, "cilium").at("/spec/values/cni").isMissingNode()).isTrue();
  }

  @Test
  void dependenciesComeFirstAndEverythingWaitsForCilium() {
    List<Document> docs = Fixtures.documents(Fixtures.docker("kubeadm") + ALL);
    List<String> seen = new ArrayList<>();
    for (JsonNode r : AddonDocs.ofKind(docs, "HelmRelease")) {
      String name = r.at("/metadata/name").asText();
      List<String> deps = r.at("/spec/dependsOn").findValuesAsText("name");
      assertThat(seen).as(name + " after its dependencies").containsAll(deps);
      if (!name.equals("cilium")) {
        assertThat(deps).as(name).isNotEmpty();
      }
      seen.add(name);
    }
    assertThat(AddonDocs.release(docs, "ztunnel").at("/spec/dependsOn").findValuesAsText("name")).containsExactly("istiod", "istio-cni");
  }

  @Test
  void everyReleaseIsPinnedAndItsRepositoryPrecedesIt() {
    List<Document> docs = Fixtures.documents(Fixtures.aws("kubeadm") + ALL);
    Set<String> repositories = new HashSet<>();
    for (JsonNode d : AddonDocs.parsed(docs)) {
      assertThat(d.at("/metadata/namespace").asText()).isEqualTo("flux-system");
      if (d.path("kind").asText().equals("HelmRepository")) {
        assertThat(repositories.add(d.at("/metadata/name").asText())).isTrue();
      } else if (d.path("kind").asText().equals("GitRepository")) { // the Gateway API CRDs, at a release tag
        assertThat(d.at("/spec/ref/tag").asText()).matches("v\\d+\\.\\d+\\.\\d+");
      } else if (d.path("kind").asText().equals("Kustomization")) {
        assertThat(d.at("/spec/prune").asBoolean()).as("CRDs are never pruned").isFalse();
      } else {
        assertThat(repositories).contains(d.at("/spec/chart/spec/sourceRef/name").asText());
        assertThat(d.at("/spec/chart/spec/version").asText()).matches("v?\\d+\\.\\d+\\.\\d+");
        assertThat(d.at("/spec/install/crds").asText()).isEqualTo("CreateReplace");
      }
    }
    assertThat(AddonDocs.release(docs, "cilium").at("/spec/chart/spec/version").asText()).isEqualTo("1.17.6");
  }

  @Test
  void ciliumTogglesReachTheChartAndTheBootstrap() {
    List<Document> defaults = Fixtures.documents(Fixtures.docker("kubeadm"));
    JsonNode v = AddonDocs.release(defaults, "cilium").at("/spec/values");
    assertThat(v.path("kubeProxyReplacement").asBoolean()).isTrue();
    assertThat(v.path("k8sServiceHost").asText()).isEqualTo("auto");
    assertThat(v.at("/encryption/type").asText()).isEqualTo("wireguard");
    assertThat(v.at("/hubble/relay/enabled").asBoolean()).isTrue();
    assertThat(v.at("/gatewayAPI/enabled").asBoolean()).isFalse();
    assertThat(v.at("/socketLB/hostNamespaceOnly").asBoolean()).isTrue();
    assertThat(Docs.one(defaults, "KubeadmControlPlane").at("/spec/kubeadmConfigSpec/initConfiguration/skipPhases/0").asText())
        .isEqualTo("addon/kube-proxy");

    String toggles = "  networking:\n    cilium: {kubeProxyReplacement: false, wireguard: false, gatewayApi: true, hubbleUi: true}\n";
    List<Document> changed = Fixtures.documents(Fixtures.docker("kubeadm") + toggles);
    JsonNode c = AddonDocs.release(changed, "cilium").at("/spec/values");
    assertThat(c.path("kubeProxyReplacement").asBoolean()).isFalse();
    assertThat(c.has("k8sServiceHost")).isFalse();
    assertThat(c.at("/encryption/enabled").asBoolean()).isFalse();
    assertThat(c.at("/gatewayAPI/enabled").asBoolean()).isTrue();
    assertThat(c.at("/hubble/ui/enabled").asBoolean()).isTrue();
    assertThat(Docs.one(changed, "KubeadmControlPlane").at("/spec/kubeadmConfigSpec/initConfiguration/skipPhases").isMissingNode())
        .isTrue();

    List<Document> rke2 = Fixtures.documents(Fixtures.docker("rke2"));
    // on Docker RKE2's embedded cloud controller is off too, so CAPD can write the provider ID (ProviderIdTest)
    assertThat(Docs.one(rke2, "RKE2ControlPlane").at("/spec/serverConfig/disableComponents/kubernetesComponents").toString())
        .isEqualTo("[\"cloudController\",\"kubeProxy\"]");
    assertThat(AddonDocs.release(rke2, "cilium").at("/spec/values/k8sServiceHost").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void innerDocumentsPassTheUpstreamSchemas(@TempDir Path out) throws Exception {
    int count = 0;
    for (String flags : List.of("", ALL, NONE)) {
      for (String b : List.of("kubeadm", "rke2")) {
        List<String> texts = AddonDocs.texts(Fixtures.documents(Fixtures.aws(b) + flags));
        Files.writeString(out.resolve("addons-" + count + ".yaml"), String.join("", texts), StandardCharsets.UTF_8);
        count += texts.size();
      }
    }
    SchemaValidator.assertValid(out, count);
  }
}
