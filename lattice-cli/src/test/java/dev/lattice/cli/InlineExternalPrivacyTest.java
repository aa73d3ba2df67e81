package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.DocumentWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An inline external service ({@code resources.<name>} with {@code endpoints}) belongs to the
 * service that declares it: another service that names {@code <service>-<name>} as a peer names
 * nothing (LAT2002) and gets no egress to its endpoints — in whichever order the two are read.
 * Before, it reached them when the owner happened to be read first.
 */
class InlineExternalPrivacyTest {
  private static final String IMAGE = "img@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final String OWNER = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: a, namespace: shop}
      spec:
        workload:
          containers:
            main: {image: "%s"}
          resources:
            api:
              type: external-service
              direction: outbound
              params:
                endpoints: {pay: "https://pay.example.com:443"}
      """.formatted(IMAGE);
  private static final String OTHER = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: b, namespace: shop}
      spec:
        workload:
          containers:
            main: {image: "%s"}
          resources:
            a-api: {type: external-service, direction: outbound}
      """.formatted(IMAGE);
  private static final String POLICY = "apiVersion: lattice.dev/v1alpha1\nkind: CedarPolicy\n"
      + "metadata: {name: p, namespace: shop}\nspec:\n  policies: 'permit(principal, action, resource);'\n";

  @Test
  void anotherServiceCannotNameAServicesInlineExternalInEitherOrder() {
    Compilation ownerFirst = compile("1-a.yaml", OWNER, "2-b.yaml", OTHER);
    Compilation otherFirst = compile("1-b.yaml", OTHER, "2-a.yaml", OWNER);
    for (Compilation c : new Compilation[] {ownerFirst, otherFirst}) {
      assertThat(c.hasErrors()).as(c.diagnostics().toString()).isFalse();
      assertThat(c.diagnostics()).anySatisfy(d -> {
        assertThat(d.code()).isEqualTo("LAT2002");
        assertThat(d.message()).contains("shop/a-api");
      });
      String egressOfB = c.documents().stream()
          .filter(d -> d.kind().equals("CiliumNetworkPolicy") && d.name().equals("b"))
          .map(DocumentWriter::toYaml).findFirst().orElse("");
      assertThat(egressOfB).doesNotContain("pay.example.com");
    }
    assertThat(DocumentWriter.toYaml(ownerFirst.documents())).isEqualTo(DocumentWriter.toYaml(otherFirst.documents()));
  }

  private static Compilation compile(String n1, String t1, String n2, String t2) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(n1, t1);
    files.put(n2, t2);
    files.put("p.yaml", POLICY);
    return LatticeCompiler.builder().trustDomain("cluster.local").build().compile(Sources.fromStrings(files));
  }
}
