package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service named like its namespace's ingress Gateway ({@code <ns>-ingress}, docs/NAMING.md) meets
 * the gateway's documents, which carry no service label: the error points at the service, not at
 * an unknown position.
 */
class IngressNameCollisionTest {
  private static final String IMAGE = "img@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void aServiceNamedLikeTheGatewayIsAnErrorAtThatService() {
    String web = service("web", """
          ingress:
            routes:
              public:
                hosts: [shop.example.com]
                port: http
        """);
    String clash = service("shop-ingress", "");
    String policy = "apiVersion: lattice.dev/v1alpha1\nkind: CedarPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n"
        + "  policies: 'permit(principal, action, resource);'\n";
    LatticeCompiler compiler = LatticeCompiler.builder().trustDomain("cluster.local").build();
    Sources sources = Sources.fromStrings(Map.of("web.yaml", web, "clash.yaml", clash, "p.yaml", policy));
    Compilation c = compiler.compile(sources);
    // validate keeps only the documents' identities, and finds the same collisions at the same places
    assertThat(compiler.validate(sources).diagnostics()).isEqualTo(c.diagnostics());

    assertThat(c.documents()).isEmpty();
    assertThat(c.diagnostics()).filteredOn(d -> d.code().equals("LAT2012")).isNotEmpty()
        .allSatisfy(d -> {
          assertThat(d.position().file()).as(d.render()).isEqualTo("clash.yaml");
          assertThat(d.position().line()).as(d.render()).isPositive();
        });
  }

  private static String service(String name, String extra) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: %s, namespace: shop}
        spec:
          workload:
            containers:
              main:
                image: "%s"
            service:
              ports:
                http: {port: 8080}
        %s""".formatted(name, IMAGE, extra);
  }
}
