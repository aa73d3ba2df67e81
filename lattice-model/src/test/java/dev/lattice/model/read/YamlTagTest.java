package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.LatticeService;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Explicit YAML tags are honoured when they confirm a value's type and refused otherwise, never read as bytes (issue 16, item 14). */
class YamlTagTest {
  private static String service(String image) {
    return "apiVersion: lattice.dev/v1alpha1\nkind: LatticeService\nmetadata: {name: a, namespace: b}\n"
        + "spec:\n  workload:\n    containers:\n      main:\n        image: " + image + "\n";
  }

  private static String image(ReadResult r) {
    return ((LatticeService) r.objects().get(0).object()).spec().workload().containers().get("main").image();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "!!binary aGVsbG8= | !!binary",
    "!!timestamp 2001-12-14 | !!timestamp",
    "!foo registry/x:1 | !foo",
    "!!python/name:os.system x | !!python/name:os.system",
    "!!int registry/x:1 | !!int",
    "!!set {a, b} | !!set",
    "!<tag:example.com,2000:x> y | !<tag:example.com,2000:x>",
  })
  void aTagTheReaderDoesNotHonourIsRefusedWithAPositionedDiagnostic(String value, String shown) {
    ReadResult r = new LatticeReader().readString("t.yaml", service(value));
    assertThat(r.diagnostics()).filteredOn(d -> d.code().equals(Codes.UNSUPPORTED_TAG)).singleElement().satisfies(d -> {
      assertThat(d.isError()).isTrue();
      assertThat(d.message()).isEqualTo("YAML tag " + shown + " is not supported");
      assertThat(d.position().line()).isEqualTo(8);
      assertThat(d.path()).isEqualTo("spec.workload.containers.main.image");
    });
    assertThat(r.diagnostics()).extracting(Diagnostic::render).noneMatch(s -> s.contains("[B@"));
  }

  @Test
  void binaryIsNeverReadAsAJavaByteArray() {
    ReadResult r = new LatticeReader().readString("t.yaml", service("!!binary aGVsbG8="));
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.UNSUPPORTED_TAG);
    assertThat(r.diagnostics().get(0).hint()).hasValueSatisfying(h -> assertThat(h).contains("does not decode !!binary"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"!!str registry/x:1 | registry/x:1", "! registry/x:1 | registry/x:1", "!!str 3 | 3"})
  void tagsThatConfirmTextAreHonoured(String value, String expected) {
    ReadResult r = new LatticeReader().readString("t.yaml", service(value));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(image(r)).isEqualTo(expected);
  }

  @Test
  void coreTagsOnValuesOfTheirTypeReadAsBefore() {
    String text = service("\"r/x:1\"").replace("metadata: {name: a, namespace: b}", "metadata: !!map {name: !!str a, namespace: b}")
        + "  replicas: !!int 2\n";
    ReadResult r = new LatticeReader().readString("t.yaml", text);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(((LatticeService) r.objects().get(0).object()).spec().replicas()).isEqualTo(2);
  }
}
