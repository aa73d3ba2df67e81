package dev.lattice.model.read;

import com.fasterxml.jackson.core.JsonToken;

/**
 * What an explicit YAML tag on a value means to the reader. Lattice values are text, numbers,
 * booleans, nulls, lists and mappings, so the tags that only confirm one of those are honoured —
 * {@code !!str} (also on a number: {@code !!str 3} is the text "3"), {@code !!int}, {@code !!float},
 * {@code !!bool}, {@code !!null}, {@code !!map}, {@code !!seq}, and the non-specific {@code !}
 * (YAML 1.1 §3.3.2 / 1.2 §6.9.1: a scalar so tagged is a string) — and every other tag is refused
 * ({@code LAT1043}): {@code !!binary} (Jackson decodes it to bytes, which a text field would print as
 * {@code [B@1f3e...}), {@code !!timestamp}, {@code !!set}, {@code !!omap}, application tags
 * ({@code !foo}, {@code !!python/...}), and a core tag on a value it does not fit ({@code !!int x}).
 * Jackson reports the tag as SnakeYAML resolved it: {@code tag:yaml.org,2002:<name>} for {@code !!},
 * the bare suffix for a local tag, {@code ""} for {@code !} (FasterXML/jackson-dataformats-text,
 * {@code YAMLParser.getTypeId}).
 */
final class YamlTags {
  private static final String CORE = "tag:yaml.org,2002:";

  /** How to read a tagged value. */
  enum Reading { AS_PARSED, STRING, NULL, REFUSED }

  private YamlTags() {}

  /** The reading of a value of token {@code t} (its text {@code text} when a scalar) tagged {@code tag}. */
  static Reading of(String tag, JsonToken t, String text) {
    boolean scalar = t.isScalarValue();
    if (tag.isEmpty()) {
      return scalar ? Reading.STRING : Reading.AS_PARSED;
    }
    if (!tag.startsWith(CORE)) {
      return Reading.REFUSED;
    }
    return switch (tag.substring(CORE.length())) {
      case "str" -> scalar ? Reading.STRING : Reading.REFUSED;
      case "int" -> t == JsonToken.VALUE_NUMBER_INT ? Reading.AS_PARSED : Reading.REFUSED;
      case "float" -> t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT ? Reading.AS_PARSED : Reading.REFUSED;
      case "bool" -> t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE ? Reading.AS_PARSED : Reading.REFUSED;
      case "null" -> t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && text.isEmpty()) ? Reading.NULL : Reading.REFUSED;
      case "map" -> t == JsonToken.START_OBJECT ? Reading.AS_PARSED : Reading.REFUSED;
      case "seq" -> t == JsonToken.START_ARRAY ? Reading.AS_PARSED : Reading.REFUSED;
      default -> Reading.REFUSED;
    };
  }

  /** The tag as written: {@code !!binary}, {@code !foo}, {@code !<tag:example.com,2000:x>}. */
  static String display(String tag) {
    if (tag.startsWith(CORE)) {
      return "!!" + tag.substring(CORE.length());
    }
    return tag.contains(":") ? "!<" + tag + ">" : "!" + tag;
  }

  /** The hint for a refused tag. */
  static String hint(String tag) {
    if (tag.equals(CORE + "binary")) {
      return "write the text itself (Lattice does not decode !!binary; a base64 value is a plain string)";
    }
    return "remove the tag: Lattice reads text, numbers, booleans, lists and mappings (quote a value to keep it text)";
  }
}
