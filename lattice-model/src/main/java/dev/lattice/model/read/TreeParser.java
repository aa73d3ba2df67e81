package dev.lattice.model.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.diagnostics.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Turns YAML (multi-document) or JSON text into {@link Node} trees with positions. Syntax errors and
 * duplicate keys become diagnostics; documents read before a syntax error are kept.
 */
final class TreeParser {
  private static final int MAX_DEPTH = 200;
  private static final Factories DEFAULT = new Factories(LatticeReader.DEFAULT_MAX_INPUT_BYTES, false);

  private final String file;
  private final Diagnostics diagnostics;
  private final int lineOffset;
  private final Factories factories;

  TreeParser(String file, Diagnostics diagnostics) {
    this(file, diagnostics, 1);
  }

  /** A parser for a part of {@code file} that starts on line {@code firstLine}: positions are the file's. */
  TreeParser(String file, Diagnostics diagnostics, int firstLine) {
    this(file, diagnostics, firstLine, DEFAULT);
  }

  TreeParser(String file, Diagnostics diagnostics, int firstLine, Factories factories) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.lineOffset = firstLine - 1;
    this.factories = factories;
  }

  /**
   * The parser factories of one input limit: no string, document or file beyond {@code maxChars}
   * characters is refused by a parser limit (the file limit, {@link LatticeReader}, is the one
   * that speaks). YAML reads through {@link LinearYamlFactory}; {@code snakeYamlReader} reads
   * through SnakeYAML's own character reader instead, the reader the linear one must equal
   * ({@code LinearStreamReaderTest}).
   */
  static final class Factories {
    private final LinearYamlFactory yaml;
    private final JsonFactory json;
    private final boolean snakeYamlReader;

    Factories(long maxChars, boolean snakeYamlReader) {
      int limit = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(maxChars, 1));
      StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(limit).build();
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // reported by us, with both positions
      options.setMaxAliasesForCollections(50);
      options.setNestingDepthLimit(MAX_DEPTH);
      options.setCodePointLimit(limit);
      this.yaml = new LinearYamlFactory(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints));
      this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
      this.snakeYamlReader = snakeYamlReader;
    }

    static Factories of(long maxChars) {
      return maxChars == LatticeReader.DEFAULT_MAX_INPUT_BYTES ? DEFAULT : new Factories(maxChars, false);
    }

    JsonParser parser(String text, boolean json) throws IOException {
      if (json) {
        return this.json.createParser(text);
      }
      return snakeYamlReader ? yaml.createParser(text) : yaml.parserOf(text);
    }
  }

  /** Parses every document of {@code text}; JSON when {@code json} is true, YAML otherwise. */
  List<Node> parse(String text, boolean json) {
    List<Node> docs = new ArrayList<>();
    try (JsonParser p = factories.parser(text, json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        Node n = read(p, t, 0, LazyPath.ROOT);
        if (!(n instanceof Node.ScalarNode s && s.type() == Node.ScalarType.NULL)) {
          docs.add(n);
        }
      }
    } catch (JsonProcessingException e) {
      diagnostics.add(Diagnostic.error(Codes.SYNTAX, syntaxMessage(e),
          json ? "check brackets, commas and quotes" : "check indentation, colons and quotes near this line",
          positionOf(e.getLocation()), ""));
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some problems (bad escapes, alias limits) as unchecked exceptions
      diagnostics.add(Diagnostic.error(Codes.SYNTAX, "cannot parse: " + firstLine(e.getMessage()),
          "check the text near the end of the last document that was read", SourcePosition.startOf(file), ""));
    } catch (StackOverflowError e) {
      diagnostics.add(Diagnostic.error(Codes.SYNTAX, "the document is nested too deeply",
          "flatten the structure", SourcePosition.startOf(file), ""));
    }
    return docs;
  }

  private Node read(JsonParser p, JsonToken t, int depth, LazyPath path) throws IOException {
    SourcePosition at = positionOf(p.currentTokenLocation());
    if (depth > MAX_DEPTH) {
      throw new JsonProcessingException("nesting deeper than " + MAX_DEPTH, p.currentTokenLocation()) {};
    }
    if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson hands an alias over as its anchor's name; reading "*img" as the text "img" would be wrong
      diagnostics.add(Diagnostic.error(Codes.SYNTAX, "YAML alias *" + p.getText() + " is not supported",
          "write the value out in full instead of referring to an anchor", at, path.toString()));
      return new Node.ScalarNode(at, "*" + p.getText(), Node.ScalarType.STRING);
    }
    String tag = p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml ? yaml.getTypeId() : null;
    if (tag != null) {
      String text = t.isScalarValue() ? p.getText() : null;
      switch (YamlTags.of(tag, t, text)) {
        case STRING:
          return new Node.ScalarNode(at, text, Node.ScalarType.STRING);
        case NULL:
          return new Node.ScalarNode(at, "", Node.ScalarType.NULL);
        case REFUSED:
          diagnostics.add(Diagnostic.error(Codes.UNSUPPORTED_TAG, "YAML tag " + YamlTags.display(tag) + " is not supported",
              YamlTags.hint(tag), at, path.toString()));
          if (text != null) {
            return new Node.ScalarNode(at, text, Node.ScalarType.STRING); // the text as written, never decoded bytes
          }
          break;
        default:
          break;
      }
    }
    switch (t) {
      case START_OBJECT: {
        LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = KeyNames.canonical(p.currentName());
          SourcePosition keyAt = positionOf(p.currentTokenLocation());
          LazyPath childPath = path.child(key);
          Node value = read(p, p.nextToken(), depth + 1, childPath);
          Node.Entry previous = entries.putIfAbsent(key, new Node.Entry(key, keyAt, value));
          if (previous != null) {
            diagnostics.add(Diagnostic.error(Codes.DUPLICATE_KEY,
                "key '" + key + "' appears twice in this mapping (first at line "
                    + previous.keyPosition().line() + ")",
                "remove one of them; the apiserver would reject the document", keyAt, childPath.toString()));
          }
        }
        if (k != JsonToken.END_OBJECT) {
          throw new JsonProcessingException("unexpected " + k, p.currentTokenLocation()) {};
        }
        return new Node.MapNode(at, entries);
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        JsonToken i;
        while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
          if (i == null) {
            throw new JsonProcessingException("unterminated list", p.currentTokenLocation()) {};
          }
          items.add(read(p, i, depth + 1, path.item(items.size())));
        }
        return new Node.ListNode(at, items);
      }
      case VALUE_STRING:
        return new Node.ScalarNode(at, p.getText(), Node.ScalarType.STRING);
      case VALUE_NUMBER_INT:
        return new Node.ScalarNode(at, p.getText(), Node.ScalarType.INT);
      case VALUE_NUMBER_FLOAT:
        return new Node.ScalarNode(at, p.getText(), Node.ScalarType.FLOAT);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Node.ScalarNode(at, t == JsonToken.VALUE_TRUE ? "true" : "false", Node.ScalarType.BOOL);
      case VALUE_NULL:
        return new Node.ScalarNode(at, "", Node.ScalarType.NULL);
      case VALUE_EMBEDDED_OBJECT:
        return new Node.ScalarNode(at, p.getText(), Node.ScalarType.STRING); // untagged: never String.valueOf(byte[])
      default:
        throw new JsonProcessingException("unexpected " + t, p.currentTokenLocation()) {};
    }
  }

  private SourcePosition positionOf(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return SourcePosition.startOf(file);
    }
    return SourcePosition.of(file, loc.getLineNr() + lineOffset, Math.max(1, loc.getColumnNr()));
  }

  private static String syntaxMessage(JsonProcessingException e) {
    return "syntax error: " + firstLine(e.getOriginalMessage());
  }

  static String firstLine(String s) {
    if (s == null || s.isBlank()) {
      return "unreadable input";
    }
    String line = s.strip().lines().findFirst().orElse(s).strip();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Whether a YAML parser would be the right one for this file name. */
  static boolean isJson(String fileName) {
    return fileName.endsWith(".json");
  }
}
