package dev.lattice.emit.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small fleets as YAML, and compiling them with only the Cilium emitter. */
final class Fleets {
  private Fleets() {}

  /** web → api → db (services, ambient), api → nas (mesh member outside the mesh), api → externals. */
  static final String API = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: api, namespace: shop}
      spec:
        workload:
          containers: {main: {image: "nginx:1"}}
          service: {ports: {http: {port: 80, targetPort: 8080}, metrics: {port: 9090}}}
          resources:
            web: {type: service, direction: inbound}
            billing: {type: service, direction: inbound, namespace: finance}
            db: {type: service, direction: outbound}
            nas: {type: service, direction: outbound}
            payments: {type: external-service, direction: outbound}
            ledger: {type: external-service, direction: outbound}
            stripe: {type: external-service, params: {endpoints: {api: "https://api.stripe.com"}}}
      """;
  static final String WEB = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: web, namespace: shop}
      spec:
        workload:
          containers: {main: {image: "nginx:1"}}
          service: {ports: {http: {port: 80, targetPort: 3000}}}
          resources:
            api: {type: service}
      """;
  static final String DB = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: db, namespace: shop}
      spec:
        workload:
          containers: {main: {image: "postgres:16"}}
          service: {ports: {pg: {port: 5432}}}
          resources:
            api: {type: service, direction: inbound}
      """;
  static final String NAS = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeMeshMember
      metadata: {name: nas, namespace: shop}
      spec:
        target: {selector: {labels: {app: nas}}}
        ports: [{port: 445, name: smb}]
        allowedCallers: [{name: api}]
        ambient: false
      """;
  static final String PAYMENTS = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeExternalService
      metadata: {name: payments, namespace: shop}
      spec:
        endpoints: {api: "https://api.stripe.com", hooks: "http://hooks.stripe.com"}
        allowedRequesters: [api]
      """;
  static final String LEDGER = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeExternalService
      metadata: {name: ledger, namespace: shop}
      spec:
        endpoints: {pg: "10.0.0.5:5432", replicas: "10.1.0.0/24:5432"}
        resolution: static
        allowedRequesters: ["*"]
      """;
  static final String BILLING = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: billing, namespace: finance}
      spec:
        workload:
          containers: {main: {image: "billing:1"}}
          resources:
            api: {type: service, namespace: shop}
      """;

  /** A service in {@code shop}: {@code ports} and {@code resources} are YAML flow maps. */
  static String service(String name, String ports, String resources) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: %s, namespace: shop}
        spec:
          workload:
            containers: {main: {image: "app:1"}}
            service: {ports: %s}
            resources: %s
        """.formatted(name, ports, resources);
  }

  /** The shop fleet, one document per file, in the given order of file names. */
  static Map<String, String> shop(List<String> order) {
    Map<String, String> all = Map.of("api.yaml", API, "web.yaml", WEB, "db.yaml", DB, "nas.yaml", NAS,
        "payments.yaml", PAYMENTS, "ledger.yaml", LEDGER, "billing.yaml", BILLING);
    Map<String, String> texts = new LinkedHashMap<>();
    order.forEach(name -> texts.put(name, all.get(name)));
    return texts;
  }

  static Map<String, String> shop() {
    return shop(List.of("api.yaml", "web.yaml", "db.yaml", "nas.yaml", "payments.yaml", "ledger.yaml", "billing.yaml"));
  }

  static Compilation compile(Map<String, String> texts) {
    Compilation c = LatticeCompiler.builder().authorizer(dev.lattice.compiler.stage.Authorizer.ALLOW_ALL).emitters(new CiliumEmitter()).build().compile(Sources.fromStrings(texts));
    assertThat(c.hasErrors()).as("diagnostics: %s", c.diagnostics()).isFalse();
    return c;
  }

  static Compilation compile(String... yamls) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < yamls.length; i++) {
      texts.put("doc" + i + ".yaml", yamls[i]);
    }
    return compile(texts);
  }

  /** The body of the one document of {@code kind} named {@code name}. */
  static JsonNode body(Compilation c, String kind, String name) {
    List<Document> found = c.documents().stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).toList();
    assertThat(found).as("%s %s in %s", kind, name, c.documents().stream().map(Document::id).toList()).hasSize(1);
    return found.get(0).json();
  }
}
