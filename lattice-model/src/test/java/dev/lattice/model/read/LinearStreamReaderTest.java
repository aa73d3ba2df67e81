package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * {@link LinearStreamReader} is SnakeYAML's {@link StreamReader} in linear time: the same answers
 * to every call, the same exceptions at the same moment (checked call by call over generated
 * texts), and the reader built on it gives the same trees — values and positions — and the same
 * diagnostics as SnakeYAML's own reader over every example, thousands of mutants of them and
 * generated texts with long lines (checked tree by tree). Seeded: {@code -Dlattice.seed=N}.
 */
class LinearStreamReaderTest {
  private static final long SEED = Long.getLong("lattice.seed", 20261203L);
  /** Characters that matter to the reader: breaks, BOM, surrogates (paired and lone), non-printables. */
  private static final String[] PIECES = {
    "a", "b", " ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\uFEFF", "\u00e9", "\uD83D\uDE00", "\uD800",
    "\uDC00", "\u0001", "\u0000", ":", "#", "-", "'", "\"", "\\", "{", "[", ",", "key: value\n", "- item\n",
  };

  @Test
  void answersEveryCallAsSnakeYamlsReaderDoes() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int t = 0; t < 400; t++) {
      String text = generated(random);
      StreamReader original = new StreamReader(new StringReader(text));
      StreamReader linear = new LinearStreamReader(text);
      String context = "seed=" + SEED + " text " + t + " (" + text.length() + " chars)";
      for (int step = 0; step < 3000; step++) {
        int op = random.nextInt(10);
        int k = random.nextInt(10) == 0 ? random.nextInt(2500) : random.nextInt(4);
        String a = call(original, op, k);
        String b = call(linear, op, k);
        assertThat(b).as(context + " step " + step + " op " + op + " k " + k).isEqualTo(a);
        if (a.startsWith("threw")) {
          break;
        }
      }
    }
  }

  /** One call and what it answered (or threw), with the reader's position after it. */
  private static String call(StreamReader r, int op, int k) {
    try {
      String answer = switch (op) {
        case 0, 1 -> "peek " + r.peek();
        case 2, 3 -> "peek(k) " + r.peek(k);
        case 4 -> "prefix " + r.prefix(k);
        case 5 -> {
          String p = r.prefix(k); // the scanner only moves over what it has looked at
          yield "prefixForward " + r.prefixForward(p.codePointCount(0, p.length()));
        }
        case 6, 7 -> {
          r.forward(k);
          yield "forward";
        }
        case 8 -> {
          Mark m = r.getMark();
          yield "mark " + m.getIndex() + "/" + m.getLine() + "/" + m.getColumn() + "/" + m.getName();
        }
        default -> {
          int d = r.getDocumentIndex();
          r.resetDocumentIndex();
          yield "documentIndex " + d;
        }
      };
      return answer + " @" + r.getIndex() + "/" + r.getLine() + "/" + r.getColumn() + "/" + r.getDocumentIndex();
    } catch (RuntimeException e) {
      return "threw " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  void readsEveryExampleMutantAndLongLineAsSnakeYamlsReaderDoes() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> texts = new ArrayList<>();
    for (Path p : ReaderFuzzTest.corpus()) {
      texts.add(Files.readString(p));
    }
    TextMutator mutator = new TextMutator(random);
    List<String> inputs = new ArrayList<>(texts);
    for (int i = 0; i < 3000; i++) {
      inputs.add(mutator.mutate(texts.get(random.nextInt(texts.size()))).text());
    }
    for (int i = 0; i < 300; i++) {
      inputs.add(longLines(random));
    }
    TreeParser.Factories snakeYaml = new TreeParser.Factories(LatticeReader.DEFAULT_MAX_INPUT_BYTES, true);
    TreeParser.Factories linear = new TreeParser.Factories(LatticeReader.DEFAULT_MAX_INPUT_BYTES, false);
    int withErrors = 0;
    for (int i = 0; i < inputs.size(); i++) {
      String text = inputs.get(i);
      String expected = parsed(text, snakeYaml);
      String actual = parsed(text, linear);
      assertThat(actual).as("seed=%d input %d:%n%s", SEED, i, text.length() > 2000 ? text.substring(0, 2000) + "…" : text)
          .isEqualTo(expected);
      withErrors += expected.contains(Codes.SYNTAX) ? 1 : 0;
    }
    System.out.printf("LinearStreamReaderTest seed=%d: %d inputs read alike, %d with syntax errors%n", SEED, inputs.size(), withErrors);
    assertThat(withErrors).as("the inputs include broken ones").isGreaterThan(100);
  }

  /** The trees (keys in order, every position) and the diagnostics of one parse, as text. */
  private static String parsed(String text, TreeParser.Factories factories) {
    Diagnostics diagnostics = new Diagnostics();
    StringBuilder out = new StringBuilder();
    for (Node n : new TreeParser("f.yaml", diagnostics, 1, factories).parse(text, false)) {
      dump(n, out);
      out.append('\n');
    }
    diagnostics.inOrder().stream().map(Diagnostic::render).forEach(d -> out.append(d).append('\n'));
    return out.toString();
  }

  private static void dump(Node n, StringBuilder out) {
    out.append(n.position()).append(' ');
    if (n instanceof Node.MapNode m) {
      out.append('{');
      m.entries().values().forEach(e -> {
        out.append(e.key()).append('@').append(e.keyPosition()).append('=');
        dump(e.value(), out);
        out.append(',');
      });
      out.append('}');
    } else if (n instanceof Node.ListNode l) {
      out.append('[');
      l.items().forEach(i -> {
        dump(i, out);
        out.append(',');
      });
      out.append(']');
    } else if (n instanceof Node.ScalarNode s) {
      out.append(s.type()).append(':').append(s.text());
    }
  }

  /** Random pieces, with runs long enough to cross the original's 1023-character reads. */
  private static String generated(SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    int pieces = 1 + random.nextInt(200);
    for (int i = 0; i < pieces; i++) {
      if (random.nextInt(8) == 0) {
        sb.append("x".repeat(random.nextInt(3000)));
      } else {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return sb.toString();
  }

  /** A document whose scalars are long single lines, plain or quoted, some with special characters. */
  private static String longLines(SplittableRandom random) {
    StringBuilder sb = new StringBuilder("apiVersion: lattice.dev/v1alpha1\nkind: LatticeService\nmetadata: {name: a, namespace: b}\nspec:\n");
    sb.append("  workload:\n    containers:\n      main:\n        image: ");
    String body = "z".repeat(900 + random.nextInt(3000)) + PIECES[random.nextInt(PIECES.length)] + "y".repeat(random.nextInt(2100));
    switch (random.nextInt(4)) {
      case 0 -> sb.append(body);
      case 1 -> sb.append('"').append(body.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      case 2 -> sb.append('\'').append(body.replace("'", "''")).append('\'');
      default -> sb.append("{a: [").append(body).append("]}");
    }
    return sb.append('\n').toString();
  }
}
