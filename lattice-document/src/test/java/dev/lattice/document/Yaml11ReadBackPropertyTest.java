package dev.lattice.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every string the writer writes, as a key or a value, reads back as that same string under YAML
 * 1.1 typing (issue 16, item 15): with SnakeYAML's resolver (snakeyaml/snakeyaml
 * {@code src/main/java/org/yaml/snakeyaml/resolver/Resolver.java}: bool, int with {@code 0b}/
 * {@code 0x}/octal/underscores/sexagesimal, float, merge {@code <<}, null, timestamp) and with
 * PyYAML's ({@code yaml/pyyaml lib/yaml/resolver.py}: the same plus the value type {@code =}), run
 * as {@code python3} when it has PyYAML (the run says when it has not). Strings are generated from
 * the pieces those resolvers look at and from timestamp shapes. Seed: {@code -Dlattice.seed}.
 */
class Yaml11ReadBackPropertyTest {
  private static final int STRINGS = 6000;
  private static final String[] PIECES = {
    "0", "1", "7", "9", "12", "2001", "-", "+", ":", ".", "_", "e", "E", "x", "b", "o", "T", "t", "Z", " ", "\t", "=", "<",
    "<<", "~", "y", "n", "yes", "On", "null", "inf", ".inf", "nan", ".NaN", "21:59:43", "a", "é", "/", "#", ",",
  };

  private static List<String> strings(long seed) {
    Random random = new Random(seed);
    Set<String> out = new LinkedHashSet<>(List.of("=", "<<", "._", "-._", "+.__", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43Z", "2001-12-15 2:59:43.10", "2002-1-1 1:00:00", "1:30", "0b1_0",
        "0x_1F", "1_000", "190:20:30.15", "1e3", ".5", "yes", "~", "2001-1-1", "12-14", "2001-12-14x"));
    while (out.size() < STRINGS) {
      if (random.nextInt(3) == 0) {
        out.add(timestamp(random));
      } else {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
          sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        out.add(sb.toString());
      }
    }
    return new ArrayList<>(out);
  }

  /** Shapes the timestamp resolver matches, and near misses. */
  private static String timestamp(Random r) {
    StringBuilder sb = new StringBuilder(String.format("%04d-%s-%s", r.nextInt(10000), digits(r, 1 + r.nextInt(2)), digits(r, 1 + r.nextInt(2))));
    if (r.nextBoolean()) {
      sb.append(new String[] {"T", "t", " ", "\t", "  "}[r.nextInt(5)]).append(digits(r, 1 + r.nextInt(2))).append(':')
          .append(digits(r, 2)).append(':').append(digits(r, 2));
      if (r.nextBoolean()) {
        sb.append('.').append(digits(r, r.nextInt(4)));
      }
      switch (r.nextInt(4)) {
        case 0 -> sb.append(r.nextBoolean() ? "Z" : " Z");
        case 1 -> sb.append(r.nextBoolean() ? " " : "").append(r.nextBoolean() ? '-' : '+').append(digits(r, 1 + r.nextInt(2)));
        case 2 -> sb.append(r.nextBoolean() ? '-' : '+').append(digits(r, 2)).append(':').append(digits(r, 2));
        default -> { }
      }
    }
    return sb.toString();
  }

  private static String digits(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  /** One document per string: the string as a key and as a value, in a mapping and in a list. */
  private static String written(List<String> strings) {
    StringBuilder yaml = new StringBuilder();
    for (String s : strings) {
      ObjectNode body = Json.object();
      body.put(s, s);
      body.putArray("list").add(s);
      yaml.append(DocumentWriter.toYaml(JacksonYaml.document(body)));
    }
    return yaml.toString();
  }

  @Test
  void everyStringReadsBackAsItselfUnderSnakeYamlsYaml11Resolver() {
    long seed = Long.getLong("lattice.seed", 20261203L);
    List<String> strings = strings(seed);
    Yaml snake = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<String> wrong = new ArrayList<>();
    int i = 0;
    for (Object doc : snake.loadAll(written(strings))) {
      String s = strings.get(i++);
      Map<?, ?> map = (Map<?, ?>) doc;
      Object key = map.keySet().stream().filter(k -> !"list".equals(k)).findFirst().orElse(null);
      if (!s.equals(key) || !s.equals(map.get(s)) || !List.of(s).equals(map.get("list"))) {
        wrong.add(StreamingYamlWriterTest.quote(s) + " read back as " + map);
      }
    }
    assertThat(i).isEqualTo(strings.size());
    assertThat(wrong).as("seed %d (replay: -Dlattice.seed=%d): strings SnakeYAML reads back as something else", seed, seed).isEmpty();
  }

  @Test
  void everyStringReadsBackAsItselfUnderPyYaml(@TempDir Path dir) throws Exception {
    long seed = Long.getLong("lattice.seed", 20261203L);
    List<String> strings = strings(seed);
    Path yaml = Files.writeString(dir.resolve("in.yaml"), written(strings), StandardCharsets.UTF_8);
    Path json = dir.resolve("out.json");
    String script = "import json, sys, yaml\n"
        + "out = []\n"
        + "for d in yaml.safe_load_all(open(sys.argv[1], encoding='utf-8')):\n"
        + "    out.append([[repr(type(k).__name__), k if isinstance(k, str) else repr(k), v if isinstance(v, str) else repr(v)] for k, v in d.items() if k != 'list'] + [d['list'] if all(isinstance(x, str) for x in d['list']) else repr(d['list'])])\n"
        + "json.dump(out, open(sys.argv[2], 'w', encoding='utf-8'))\n";
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", script, yaml.toString(), json.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      System.out.println("Yaml11ReadBackPropertyTest: no python3, PyYAML half skipped");
      return;
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    if (p.exitValue() != 0 && output.contains("No module named 'yaml'")) {
      System.out.println("Yaml11ReadBackPropertyTest: python3 has no PyYAML, PyYAML half skipped");
      return;
    }
    assertThat(p.exitValue()).as("PyYAML read the stream (seed %d):%n%s", seed, output).isZero();
    var docs = new ObjectMapper().readTree(json.toFile());
    assertThat(docs.size()).isEqualTo(strings.size());
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < strings.size(); i++) {
      String s = strings.get(i);
      var d = docs.get(i);
      var entry = d.get(0);
      boolean same = entry != null && entry.get(0).asText().equals("'str'") && entry.get(1).asText().equals(s)
          && entry.get(2).isTextual() && entry.get(2).asText().equals(s) && d.get(1).isArray() && d.get(1).get(0).asText().equals(s);
      if (!same) {
        wrong.add(StreamingYamlWriterTest.quote(s) + " read back as " + d);
      }
    }
    System.out.printf("Yaml11ReadBackPropertyTest seed=%d: %d strings read back by PyYAML%n", seed, strings.size());
    assertThat(wrong).as("seed %d (replay: -Dlattice.seed=%d): strings PyYAML reads back as something else", seed, seed).isEmpty();
  }
}
