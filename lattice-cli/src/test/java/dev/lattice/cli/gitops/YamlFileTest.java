package dev.lattice.cli.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Comments, key order and quoting survive edits; value edits touch only the value's characters. */
class YamlFileTest {
  private static final String TEXT = """
      # head comment
      apiVersion: v1   # trailing comment
      spec:
        # above version
        version: "1.32.0"
        flow: {a: 1, b: [x, y]}
        list:
          - one
          - two  # second
        replicas: 2
      ---
      # second document
      kind: Other
      """;

  @Test
  void aValueEditChangesOnlyThatValue() throws Refusal {
    YamlFile f = YamlFile.parse("t.yaml", TEXT);
    assertThat(f.set(f.root(0), Tag.STR, "1.33.0", "spec", "version")).isTrue();
    assertThat(f.set(f.root(0), Tag.INT, "5", "spec", "replicas")).isTrue();
    assertThat(f.render()).isEqualTo(TEXT.replace("\"1.32.0\"", "\"1.33.0\"").replace("replicas: 2", "replicas: 5"));
  }

  @Test
  void settingTheSameValueChangesNothing() throws Refusal {
    YamlFile f = YamlFile.parse("t.yaml", TEXT);
    assertThat(f.set(f.root(0), Tag.INT, "2", "spec", "replicas")).isFalse();
    assertThat(f.render()).isEqualTo(TEXT);
  }

  @Test
  void aStructuralEditKeepsCommentsOrderAndStyle() throws Refusal {
    YamlFile f = YamlFile.parse("t.yaml", TEXT);
    f.set(f.root(0), Tag.BOOL, "true", "spec", "suspend");
    f.set(f.root(0), Tag.STR, "3", "spec", "extra", "count");
    String out = f.render();
    assertThat(out).contains("# head comment", "apiVersion: v1 # trailing comment", "  # above version\n  version: \"1.32.0\"",
        "flow: {a: 1, b: [x, y]}", "  - two # second", "  suspend: true\n  extra:\n    count: \"3\"\n", "---\n# second document\nkind: Other");
    assertThat(out.indexOf("version")).isLessThan(out.indexOf("flow")).isLessThan(out.indexOf("list")).isLessThan(out.indexOf("suspend"));
  }

  @Test
  void stringsThatWouldReadAsOtherTypesAreQuoted() throws Refusal {
    YamlFile f = YamlFile.parse("t.yaml", "a: b\n");
    MappingNode root = f.root(0);
    f.set(root, Tag.STR, "true", "x");
    f.set(root, Tag.STR, "007", "y");
    f.set(root, Tag.STR, "a: b # c", "z");
    String out = f.render();
    assertThat(out).contains("x: \"true\"", "y: \"007\"", "z: \"a: b # c\"");
    YamlFile again = YamlFile.parse("t.yaml", out);
    assertThat(YamlFile.text(again.root(0), "z")).contains("a: b # c");
  }

  @Test
  void canonicalTextIsAFixedPoint() throws Refusal {
    String once = YamlFile.canonical("t.yaml", TEXT);
    assertThat(YamlFile.canonical("t.yaml", once)).isEqualTo(once);
  }

  @Test
  void notYamlIsARefusal() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> YamlFile.parse("bad.yaml", "a: [\n"))
        .isInstanceOf(Refusal.class).hasMessageStartingWith("bad.yaml is not valid YAML");
  }
}
