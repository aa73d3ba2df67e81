package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line contract of DESIGN.md §4: outputs, files, diagnostics and exit codes. */
class CliTest {
  private static final String CALLER = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: order-service, namespace: shop}
      spec:
        workload:
          containers: {main: {image: "registry.example.com/order:1"}}
          service: {ports: {http: {port: 80, targetPort: 8080}}}
          resources:
            payment-service: {type: service, direction: outbound}
      """;
  private static final String CALLEE = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: payment-service, namespace: shop}
      spec:
        workload:
          containers: {main: {image: "registry.example.com/payment:1"}}
          service: {ports: {http: {port: 80, targetPort: 8080}}}
          resources:
            order-service: {type: service, direction: inbound}
      """;

  /** Lets the fixtures deploy their images by tag. */
  private static final String POLICY = """
      apiVersion: lattice.dev/v1alpha1
      kind: CedarPolicy
      metadata: {name: tags, namespace: lattice-system}
      spec:
        policies: |
          permit(principal, action == Lattice::Action::"SkipImageVerification", resource);
      """;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LatticeCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void validateExitsZeroOnGoodInputAndOneOnErrors(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), CALLER + "---\n" + CALLEE + "---\n" + POLICY);
    assertThat(run("validate", dir.toString()).code()).isZero();
    Files.writeString(dir.resolve("b.yaml"), "apiVersion: lattice.dev/v1alpha1\nkind: LatticeService\nmetadata: {name: x}\nspec:\n  workload:\n    containers: {main: {imag: nginx}}\n");
    Run bad = run("validate", dir.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("b.yaml:6:25: error LAT1010: unknown field 'imag'").contains("hint: did you mean 'image'?");
  }

  @Test
  void diagnosticsAsJson(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.yaml"), "apiVersion: lattice.dev/v1alpha1\nkind: LatticeService\nmetadata: {name: x}\nspec:\n  workload:\n    containers: {main: {image: nginx}}\n    service: {ports: {http: {port: 70000}}}\n");
    Run r = run("validate", "--diagnostics", "json", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    JsonNode arr = new ObjectMapper().readTree(r.err());
    JsonNode port = null;
    for (JsonNode d : arr) {
      if (d.get("code").asText().equals("LAT1021")) {
        port = d;
      }
    }
    assertThat(port).as(r.err()).isNotNull();
    assertThat(port.get("severity").asText()).isEqualTo("error");
    assertThat(port.get("line").asInt()).isEqualTo(7);
    assertThat(port.get("column").asInt()).isEqualTo(36);
    assertThat(port.get("path").asText()).isEqualTo("spec.workload.service.ports.http.port");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("compile").code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(run("explain", "--to", "x", "y.yaml").code()).isEqualTo(2);
  }

  @Test
  void compileWritesOneFilePerDocumentAndNothingOnErrors(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.yaml"), CALLER + "---\n" + CALLEE + "---\n" + POLICY);
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("shop"));
    Files.writeString(out.resolve("shop/keep.txt"), "not ours");
    Run r = run("compile", "--out", out.toString(), in.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("shop/deployment-order-service.yaml")).exists();
    assertThat(out.resolve("_cluster/namespace-shop.yaml")).exists();
    assertThat(out.resolve("shop/keep.txt")).hasContent("not ours");
    Files.writeString(in.resolve("broken.yaml"), "kind: [");
    Path out2 = dir.resolve("out2");
    Run broken = run("compile", "--out", out2.toString(), in.toString());
    assertThat(broken.code()).isEqualTo(1);
    assertThat(out2).doesNotExist();
  }

  @Test
  void compileClustersInTopologyStyleUnderTheirNamespace(@TempDir Path dir) throws Exception {
    Path aws = ProjectPaths.root().resolve("examples/clusters/aws.yaml");
    Path out = dir.resolve("out");
    Run r = run("compile", "--capi-style", "topology", "--out", out.toString(), aws.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("capi-prod-us-west/clusterclass-prod-us-west.yaml")).exists();
    assertThat(out.resolve("capi-prod-us-west/clusterresourceset-prod-us-west-addons.yaml")).exists();
    assertThat(Files.readString(out.resolve("capi-prod-us-west/cluster-prod-us-west.yaml"))).contains("topology:");
    Run objects = run("compile", aws.toString());
    assertThat(objects.out()).contains("kind: KubeadmControlPlane\n").doesNotContain("kind: ClusterClass");
    assertThat(run("compile", "--capi-style", "flat", aws.toString()).code()).isEqualTo(2);
  }

  @Test
  void compileToStdoutIsOneYamlStream(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), CALLER + "---\n" + CALLEE + "---\n" + POLICY);
    Run r = run("compile", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("---\napiVersion: ").contains("kind: Deployment");
    Run json = run("compile", "--format", "json", dir.toString());
    assertThat(json.out().lines().allMatch(l -> l.startsWith("{") && l.endsWith("}"))).isTrue();
  }

  @Test
  void explainAnswersAsJson(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), CALLER + "---\n" + CALLEE + "---\n" + POLICY);
    Run r = run("explain", "--from", "order-service", "--to", "shop/payment-service", "--port", "8080", "--json", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertThat(o.get("from").asText()).isEqualTo("shop/order-service");
    assertThat(o.get("to").asText()).isEqualTo("shop/payment-service");
    assertThat(o.get("port").asInt()).isEqualTo(8080);
    assertThat(o.get("l4").get("allowed").asBoolean()).isTrue();
    assertThat(o.get("reasons").toString()).contains("declares shop/payment-service outbound");
    Run back = run("explain", "--from", "payment-service", "--to", "order-service", "--json", dir.toString());
    JsonNode denied = new ObjectMapper().readTree(back.out());
    assertThat(denied.get("reasons").toString()).contains("missing: shop/payment-service does not declare shop/order-service outbound");
  }

  @Test
  void explainFromOutsideTheMeshAnswersAtBothLayers() throws Exception {
    String homelab = ProjectPaths.root().resolve("examples/homelab").toString();
    Run lb = run("explain", "--from", "world", "--to", "media/jellyfin", "--port", "8096", "--json", homelab);
    assertThat(lb.code()).as(lb.err()).isZero();
    JsonNode o = new ObjectMapper().readTree(lb.out());
    assertThat(o.get("from").asText()).isEqualTo("world");
    assertThat(o.get("l4").get("allowed").asBoolean()).as(lb.out()).isTrue();
    assertThat(o.get("l7").get("allowed").asBoolean()).as(lb.out()).isTrue();
    assertThat(o.get("l7").get("documents").toString()).contains("allow-to-jellyfin");
    assertThat(o.get("reasons").toString()).contains("opens port 8096/TCP (load balancer)");
    Run strict = run("explain", "--from", "world", "--to", "home-nas", "--port", "445", "--json", homelab);
    JsonNode closed = new ObjectMapper().readTree(strict.out());
    assertThat(closed.get("l4").get("allowed").asBoolean()).as(strict.out()).isFalse();
    assertThat(closed.get("l7").get("allowed").asBoolean()).as("STRICT refuses plaintext: " + strict.out()).isFalse();
    Run permissive = run("explain", "--from", "world", "--to", "home-nas", "--port", "5000", homelab);
    assertThat(permissive.out()).as(permissive.out()).startsWith("world -> media/home-nas port 5000: ALLOWED");
    Run apiServer = run("explain", "--from", "kube-apiserver", "--to", "media/jellyfin", "--port", "8096", homelab);
    assertThat(apiServer.out()).as(apiServer.out()).contains("DENIED").contains("L4 (Cilium): denied");
  }

  @Test
  void explainOfAnExternalNameAgreesWithTheDnsCaptureModel() {
    // shop/api-gateway's pods opt out of ambient DNS capture, so Cilium's toFQDNs learns api.stripe.com
    String shop = ProjectPaths.root().resolve("examples/shop").toString();
    Run r = run("explain", "--from", "shop/api-gateway", "--to", "shop/stripe-api", shop);
    assertThat(r.out()).as(r.out() + r.err()).startsWith("shop/api-gateway -> shop/stripe-api (any port): ALLOWED");
    // a mesh member keeps the capture: the homelab NAS cannot reach its vendor by name (LAT2015)
    String homelab = ProjectPaths.root().resolve("examples/homelab").toString();
    Run nas = run("explain", "--from", "media/home-nas", "--to", "media/home-nas-egress-0", homelab);
    assertThat(nas.out()).as(nas.out() + nas.err()).contains("DENIED").contains("ambient DNS capture");
  }

  @Test
  void explainFromTheIngressGatewayAnswersAtBothLayers() throws Exception {
    String shop = ProjectPaths.root().resolve("examples/shop").toString();
    Run routed = run("explain", "--from", "gateway", "--to", "shop/frontend", "--port", "3000", "--json", shop);
    assertThat(routed.code()).as(routed.err()).isZero();
    JsonNode o = new ObjectMapper().readTree(routed.out());
    assertThat(o.get("from").asText()).isEqualTo("shop/shop-ingress");
    assertThat(o.get("l4").get("allowed").asBoolean()).as(routed.out()).isTrue();
    assertThat(o.get("l7").get("allowed").asBoolean()).as(routed.out()).isTrue();
    assertThat(o.get("reasons").toString()).contains("route public (HTTPRoute");
    Run unrouted = run("explain", "--from", "shop-ingress", "--to", "auth-service", "--port", "9000", shop);
    assertThat(unrouted.out()).as(unrouted.out()).startsWith("shop/shop-ingress -> shop/auth-service port 9000: DENIED");
    Run listener = run("explain", "--from", "world", "--to", "shop-ingress", "--port", "443", shop);
    assertThat(listener.out()).as(listener.out()).startsWith("world -> shop/shop-ingress port 443: ALLOWED");
    Run closed = run("explain", "--from", "world", "--to", "shop-ingress", "--port", "80", shop);
    assertThat(closed.out()).as(closed.out()).contains("DENIED");
  }

  @Test
  void explainAModelsRolesFromTheKthenaRouterACallerAndTheirPeer() throws Exception {
    String inference = ProjectPaths.root().resolve("examples/inference").toString();
    Run router = run("explain", "--from", "kthena-router", "--to", "serving/llm-prefill", "--port", "8000", "--json", inference);
    assertThat(router.code()).as(router.err()).isZero();
    JsonNode o = new ObjectMapper().readTree(router.out());
    assertThat(o.get("from").asText()).isEqualTo("kthena-system/kthena-router");
    assertThat(o.get("l7").get("allowed").asBoolean()).as(router.out()).isTrue();
    assertThat(o.get("l7").get("documents").toString()).contains("allow-kthena-llm");
    Run routerToChat = run("explain", "--from", "kthena-router", "--to", "serving/chat", "--port", "8080", inference);
    assertThat(routerToChat.out()).as(routerToChat.out()).contains("DENIED");
    Run caller = run("explain", "--from", "chat", "--to", "llm-decode", "--port", "8000", inference);
    assertThat(caller.out()).as(caller.out()).startsWith("serving/chat -> serving/llm-decode port 8000: ALLOWED");
    Run notAgreed = run("explain", "--from", "chat", "--to", "llm-prefill", "--port", "8000", inference);
    assertThat(notAgreed.out()).as(notAgreed.out()).contains("DENIED");
    Run peers = run("explain", "--from", "llm-prefill", "--to", "llm-decode", "--port", "41000", "--json", inference);
    assertThat(new ObjectMapper().readTree(peers.out()).get("l7").get("allowed").asBoolean()).as(peers.out()).isTrue();
    assertThat(peers.out()).contains("both serve model serving/llm");
  }

  @Test
  void aPeerAbsentFromAPartialInputIsExplainedAsNotInThisInput(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), CALLER + "---\n" + POLICY);
    Run v = run("validate", dir.toString());
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.err()).contains("warning LAT2002", "is not in this input");
    Run r = run("explain", "--from", "order-service", "--to", "shop/payment-service", "--json", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertThat(o.get("l4").get("allowed").asBoolean()).isFalse();
    assertThat(o.get("reasons").toString()).contains("shop/payment-service is not in this input");
    assertThat(run("explain", "--from", "order-service", "--to", "shop/nobody", dir.toString()).code()).isEqualTo(2);
  }

  @Test
  void versionIsPrinted() {
    Run r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("lattice ");
  }
}
