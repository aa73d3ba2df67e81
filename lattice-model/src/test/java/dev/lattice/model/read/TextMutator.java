package dev.lattice.model.read;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates YAML text the way people and tools break it: drops, duplicates and misspells keys,
 * changes a value's type, truncates, inserts stray characters, shifts indentation and deletes
 * lines. Every choice comes from the given {@link SplittableRandom}, so a seed replays a run.
 */
final class TextMutator {
  /** A line that starts a key: indentation, an optional list dash, the key, the rest. */
  private static final Pattern KEY_LINE = Pattern.compile("^( *)(- )?([^\\s#:\\-\"'{\\[][^:#]*?):( .*)?$");
  private static final String[] INSERTS = {
    ":", "-", " ", "\t", "\n", "{", "}", "[", "]", "\"", "'", "#", "&", "*", "!", "|", ">", "%", "@", "`",
    "?", ",", "\\", "\u0000", "\u0007", "\uFEFF", "\u00e9", "\u2028", "\uD83D\uDE00", "\uD800", "\r",
    "${", "---\n", "...\n", "<<: *a\n", "&a ", "!!binary ", "!!int ", "- ", ": ", "\n  - ", "\n---\n",
  };
  private static final String[] SCALARS = {
    "null", "~", "true", "no", "\"\"", "-1", "0", "12345678901234567890", "0x1F", "1e400", ".inf",
    "-.5", "1_000", "\"${resources.x.y}\"", "70000", "[]", "{}", "\"lots\"", "2.5", "'single'",
  };

  enum Op { DROP_KEY, DUPLICATE_KEY, CHANGE_TYPE, RENAME_KEY, TRUNCATE, INSERT, INDENT, DELETE_LINE, SWAP_LINES }

  /** A mutated text and the operations that made it, for failure messages. */
  record Mutant(String text, List<String> ops) {}

  private final SplittableRandom random;

  TextMutator(SplittableRandom random) {
    this.random = random;
  }

  /** One to three mutations of {@code text}. */
  Mutant mutate(String text) {
    int count = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
    List<String> ops = new ArrayList<>();
    String t = text;
    for (int i = 0; i < count; i++) {
      Op op = Op.values()[random.nextInt(Op.values().length)];
      String before = t;
      t = apply(op, t, ops);
      if (t.equals(before)) {
        ops.add(op + " (no effect)");
      }
    }
    return new Mutant(t, List.copyOf(ops));
  }

  private String apply(Op op, String text, List<String> ops) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    switch (op) {
      case TRUNCATE -> {
        int at = random.nextInt(text.length() + 1);
        ops.add("TRUNCATE at " + at);
        return text.substring(0, at);
      }
      case INSERT -> {
        int at = random.nextInt(text.length() + 1);
        String s = random.nextInt(4) == 0
            ? String.valueOf((char) (0x20 + random.nextInt(0x5f)))
            : INSERTS[random.nextInt(INSERTS.length)];
        ops.add("INSERT " + escape(s) + " at " + at);
        return text.substring(0, at) + s + text.substring(at);
      }
      case DELETE_LINE -> {
        int i = random.nextInt(lines.size());
        ops.add("DELETE_LINE " + (i + 1));
        lines.remove(i);
        return String.join("\n", lines);
      }
      case SWAP_LINES -> {
        if (lines.size() < 2) {
          return text;
        }
        int i = random.nextInt(lines.size() - 1);
        ops.add("SWAP_LINES " + (i + 1) + "," + (i + 2));
        String a = lines.get(i);
        lines.set(i, lines.get(i + 1));
        lines.set(i + 1, a);
        return String.join("\n", lines);
      }
      case INDENT -> {
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        int indent = indentOf(line);
        String body = line.substring(indent);
        String changed = switch (random.nextInt(3)) {
          case 0 -> " ".repeat(indent + 1 + random.nextInt(4)) + body;
          case 1 -> " ".repeat(Math.max(0, indent - 1 - random.nextInt(4))) + body;
          default -> "\t" + body;
        };
        ops.add("INDENT line " + (i + 1) + " to " + escape(changed.substring(0, changed.length() - body.length())));
        lines.set(i, changed);
        return String.join("\n", lines);
      }
      default -> {
        return applyToKey(op, lines, ops, text);
      }
    }
  }

  private String applyToKey(Op op, List<String> lines, List<String> ops, String text) {
    List<Integer> keyLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (KEY_LINE.matcher(lines.get(i)).matches()) {
        keyLines.add(i);
      }
    }
    if (keyLines.isEmpty()) {
      return text;
    }
    int i = keyLines.get(random.nextInt(keyLines.size()));
    Matcher m = KEY_LINE.matcher(lines.get(i));
    m.matches();
    String indent = m.group(1);
    String dash = m.group(2) == null ? "" : m.group(2);
    String key = m.group(3);
    String rest = m.group(4) == null ? "" : m.group(4).strip();
    int end = blockEnd(lines, i, indent.length() + dash.length());
    switch (op) {
      case DROP_KEY -> {
        ops.add("DROP_KEY " + key + " at line " + (i + 1));
        lines.subList(i, end).clear();
        int sibling = indent.length() + dash.length();
        if (!dash.isEmpty() && i < lines.size() && !lines.get(i).isBlank() && indentOf(lines.get(i)) == sibling) {
          // keep the list item: its next key moves up under the dash
          lines.set(i, indent + dash + lines.get(i).strip());
        }
      }
      case DUPLICATE_KEY -> {
        ops.add("DUPLICATE_KEY " + key + " at line " + (i + 1));
        List<String> copy = new ArrayList<>(lines.subList(i, end));
        copy.set(0, indent + " ".repeat(dash.length()) + copy.get(0).substring(indent.length() + dash.length()));
        lines.addAll(end, copy);
      }
      case RENAME_KEY -> {
        String typo = typo(key);
        ops.add("RENAME_KEY " + key + " -> " + typo + " at line " + (i + 1));
        lines.set(i, indent + dash + typo + ":" + (m.group(4) == null ? "" : m.group(4)));
      }
      case CHANGE_TYPE -> {
        String value;
        if (rest.isEmpty() || rest.startsWith("#")) {
          // a block: replace it with a scalar or an empty flow collection
          value = SCALARS[random.nextInt(SCALARS.length)];
          lines.subList(i + 1, end).clear();
        } else {
          value = switch (random.nextInt(6)) {
            case 0 -> "[" + rest + "]";
            case 1 -> "{x: " + rest + "}";
            case 2 -> "\"" + rest.replace("\"", "") + "\"";
            case 3 -> rest.replace("\"", "").replace("'", "");
            case 4 -> "\n" + indent + "  - " + rest;
            default -> SCALARS[random.nextInt(SCALARS.length)];
          };
        }
        ops.add("CHANGE_TYPE " + key + " at line " + (i + 1) + " to " + escape(value));
        lines.set(i, indent + dash + key + ": " + value);
      }
      default -> throw new IllegalArgumentException(op.toString());
    }
    return String.join("\n", lines);
  }

  private String typo(String key) {
    if (key.length() < 2) {
      return key + "x";
    }
    int at = random.nextInt(key.length() - 1);
    return switch (random.nextInt(6)) {
      case 0 -> key.substring(0, at) + key.charAt(at + 1) + key.charAt(at) + key.substring(at + 2);
      case 1 -> key.substring(0, at) + key.substring(at + 1);
      case 2 -> key.substring(0, at) + key.charAt(at) + key.substring(at);
      case 3 -> Character.toUpperCase(key.charAt(0)) + key.substring(1);
      case 4 -> key.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
      default -> key + "s";
    };
  }

  /** The index after the last line that belongs to the block started at {@code start}. */
  private static int blockEnd(List<String> lines, int start, int indent) {
    int end = start + 1;
    while (end < lines.size() && (lines.get(end).isBlank() || indentOf(lines.get(end)) > indent)) {
      end++;
    }
    return end;
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c > 0x7e) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
