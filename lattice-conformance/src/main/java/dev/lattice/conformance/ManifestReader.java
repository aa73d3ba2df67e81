package dev.lattice.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the documents of a manifest file: multi-document YAML decoded as Kubernetes decodes it
 * ({@link Yaml11}), or JSON (one object, or an array of them). A document that cannot be read is
 * kept as a failed {@link Manifest} with the reason and its position; reading stops at a syntax
 * error, as a YAML parser must.
 */
final class ManifestReader {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private ManifestReader() {}

  static List<Manifest> read(String file, String text) {
    return file.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? json(text) : yaml(text);
  }

  private static List<Manifest> json(String text) {
    List<Manifest> out = new ArrayList<>();
    try {
      JsonNode root = JSON.readTree(text);
      if (root != null && root.isArray()) {
        for (int i = 0; i < root.size(); i++) {
          out.add(Manifest.decoded(i, root.get(i), new JsonLocator(text, "/" + i)));
        }
      } else if (root != null && !root.isMissingNode()) {
        out.add(Manifest.decoded(0, root, new JsonLocator(text, "")));
      }
    } catch (JsonProcessingException e) {
      Locator.Position at = e.getLocation() == null ? new Locator.Position(1, 1)
          : new Locator.Position(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
      out.add(Manifest.failed(0, "json: " + e.getOriginalMessage(), Locator.fixed(at)));
    }
    return out;
  }

  private static List<Manifest> yaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(1000);
    options.setNestingDepthLimit(200);
    options.setCodePointLimit(Integer.MAX_VALUE);
    Yaml yaml = new Yaml(options);
    Yaml11 decoder = new Yaml11();
    List<Manifest> out = new ArrayList<>();
    int index = 0;
    try {
      Iterator<Node> docs = yaml.composeAll(new StringReader(text)).iterator();
      while (true) {
        Node node;
        try {
          if (!docs.hasNext()) {
            break;
          }
          node = docs.next();
        } catch (MarkedYAMLException e) {
          out.add(Manifest.failed(index, "yaml: " + firstLine(e.getProblem()), Locator.fixed(position(e.getProblemMark()))));
          break;
        }
        int i = index++;
        if (node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
          continue; // an empty document
        }
        YamlLocator locator = new YamlLocator(node);
        try {
          out.add(Manifest.decoded(i, decoder.toJson(node), locator));
        } catch (Yaml11.DecodeException e) {
          out.add(Manifest.failed(i, "yaml: " + e.getMessage(), Locator.fixed(position(e.node().getStartMark()))));
        }
      }
    } catch (YAMLException e) {
      out.add(Manifest.failed(index, "yaml: " + firstLine(e.getMessage()), Locator.fixed(new Locator.Position(1, 1))));
    }
    return out;
  }

  private static Locator.Position position(Mark m) {
    return m == null ? new Locator.Position(1, 1) : new Locator.Position(m.getLine() + 1, m.getColumn() + 1);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "cannot parse";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
