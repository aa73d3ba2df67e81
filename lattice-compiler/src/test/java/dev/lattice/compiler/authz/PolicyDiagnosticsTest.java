package dev.lattice.compiler.authz;

import static dev.lattice.compiler.authz.Policies.ask;
import static dev.lattice.compiler.authz.Policies.document;
import static dev.lattice.compiler.authz.Policies.permit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.diagnostics.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invalid policies are diagnostics positioned into the policy text. In {@link Policies#document}
 * the {@code policies: |} key is on line 9 at column 3, so text line {@code i} is file line
 * {@code 10 + i} and text column {@code c} (0-based) is file column {@code 5 + c}.
 */
class PolicyDiagnosticsTest {

  private static List<Diagnostic> load(String... docs) {
    Diagnostics d = new Diagnostics();
    CedarEngine.from(Policies.read("p.yaml", docs), d);
    return d.sorted();
  }

  @Test
  void aSyntaxErrorPointsAtTheOffendingToken() {
    List<Diagnostic> ds = load(document("bad", "permit(principal, action, resource)\nwhen { principal.namespace == };"));
    assertThat(ds).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Codes.CEDAR_SYNTAX);
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.position().toString()).isEqualTo("p.yaml:11:35");
      assertThat(d.path()).isEqualTo("spec.policies");
      assertThat(d.message()).contains("lattice-system/bad", "unexpected token `}`");
      assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("expected"));
    });
  }

  @Test
  void aSyntaxErrorInALaterPolicyPointsIntoThatPolicy() {
    String text = permit("media/a", Gate.ACCESS_SECRET, "k") + "\n// a comment with é\n"
        + "permit(principal, action, resource) when { principal.name == \"x };\n";
    List<Diagnostic> ds = load(document("bad", text));
    assertThat(ds).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Codes.CEDAR_SYNTAX);
      assertThat(d.position().line()).isEqualTo(10 + 6);
      assertThat(d.position().column()).isEqualTo(5 + text.lines().toList().get(6).indexOf("\"x"));
    });
  }

  @Test
  void aSchemaErrorPointsAtTheOffendingPartAndDropsOnlyThatPolicy() {
    String text = permit("media/a", Gate.ACCESS_SECRET, "k") + "\n"
        + "permit(principal, action, resource) when { principal.nam == \"x\" };";
    Diagnostics diagnostics = new Diagnostics();
    CedarEngine e = CedarEngine.from(Policies.read("p.yaml", document("typo", text)), diagnostics);
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Codes.CEDAR_INVALID);
      assertThat(d.isError()).isTrue();
      assertThat(d.message()).contains("lattice-system/typo#1", "`nam`");
      assertThat(d.hint()).hasValue("did you mean `name`?");
      assertThat(d.position().toString()).isEqualTo("p.yaml:15:" + (5 + "permit(principal, action, resource) when { ".length()));
    });
    assertThat(e.policyCount()).isEqualTo(1);
    assertThat(e.authorize(ask("media/a", Gate.ACCESS_SECRET, "k")).allowed()).isTrue();
  }

  @Test
  void unknownEntityTypesAndActionsAreSchemaErrors() {
    List<Diagnostic> ds = load(document("u",
        "permit(principal == Lattice::User::\"a\", action, resource);\n"
            + "permit(principal, action == Lattice::Action::\"Deploy\", resource);"));
    assertThat(ds).extracting(Diagnostic::code).containsOnly(Codes.CEDAR_INVALID);
    assertThat(ds).extracting(d -> d.position().line()).contains(10, 11);
    assertThat(ds).anySatisfy(d -> assertThat(d.message()).contains("Lattice::User"));
    assertThat(ds).anySatisfy(d -> assertThat(d.message()).contains("Deploy"));
  }

  @Test
  void aMismatchedResourceTypeIsASchemaError() {
    List<Diagnostic> ds = load(document("m",
        "permit(principal, action == Lattice::Action::\"AccessSecret\", resource == Lattice::Volume::\"v\");"));
    assertThat(ds).isNotEmpty().allSatisfy(d -> assertThat(d.code()).isEqualTo(Codes.CEDAR_INVALID))
        .anySatisfy(d -> assertThat(d.isError()).isTrue());
  }

  @Test
  void aBrokenDocumentDoesNotSpoilTheOthers() {
    Diagnostics diagnostics = new Diagnostics();
    CedarEngine e = CedarEngine.from(Policies.read("p.yaml",
        document("good", permit("media/a", Gate.ACCESS_SECRET, "k")), document("bad", "permit(")), diagnostics);
    assertThat(diagnostics.sorted()).extracting(Diagnostic::code).containsExactly(Codes.CEDAR_SYNTAX);
    assertThat(e.policyCount()).isEqualTo(1);
    assertThat(e.authorize(ask("media/a", Gate.ACCESS_SECRET, "k")).allowed()).isTrue();
  }
}
