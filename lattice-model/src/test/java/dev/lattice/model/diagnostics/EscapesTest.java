package dev.lattice.model.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rendered diagnostic is one or two lines whatever its file name and values hold (issue 16, item 16). */
class EscapesTest {
  @Test
  void fileNamesMessagesPathsAndHintsCannotForgeLinesOrTerminalEscapes() {
    Diagnostic d = Diagnostic.error("LAT1010", "unknown field 'a\u001b[2J\rb'\nfake.yaml:1:1: error LAT0000: forged",
        "did you mean\n'c'?\u2028x", SourcePosition.of("evil\n.yaml", 3, 4), "spec.\u202eab");
    String text = d.render();
    assertThat(text.split("\n", -1)).hasSize(2);
    assertThat(text).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u2028").doesNotContain("\u202e");
    assertThat(text).isEqualTo("evil\\n.yaml:3:4: error LAT1010: unknown field 'a\\u001b[2J\\rb'\\nfake.yaml:1:1: error LAT0000: forged"
        + " (at spec.\\u202eab)\n  hint: did you mean\\n'c'?\\u2028x");
  }

  @Test
  void ordinaryTextIsUnchanged() {
    String plain = "a value with \\ backslashes, ünïcödé and emoji \uD83D\uDE00";
    assertThat(Escapes.text(plain)).isSameAs(plain);
    assertThat(Escapes.text("tab\there")).isEqualTo("tab\\there");
  }
}
