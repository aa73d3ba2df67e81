package dev.lattice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The library's errors as the apiserver words them ({@code unknown field "x"}, {@code Required
 * value}, {@code Unsupported value: "X": supported values: …}, {@code Invalid value: …}), at JSON
 * pointers. Errors under an {@code anyOf}/{@code oneOf}/{@code not} collapse into that
 * combinator's own message, as validate-k8s does.
 */
final class ErrorMessages {
  private ErrorMessages() {}

  static List<Problems.Problem> of(List<Error> errors, JsonNode data) {
    List<Error> combinators = errors.stream()
        .filter(e -> Set.of("anyOf", "oneOf", "not").contains(e.getKeyword())).toList();
    Set<Problems.Problem> out = new LinkedHashSet<>();
    for (Error e : errors) {
      if (combinators.stream().anyMatch(c -> c != e && isUnder(e, c))) {
        continue;
      }
      out.add(problem(e, data));
    }
    return new ArrayList<>(out);
  }

  private static boolean isUnder(Error e, Error combinator) {
    return e.getEvaluationPath().startsWith(combinator.getEvaluationPath())
        && !e.getEvaluationPath().equals(combinator.getEvaluationPath());
  }

  static String pointer(NodePath path) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      b.append('/').append(element instanceof Integer n ? String.valueOf(n) : Problems.token(String.valueOf(element)));
    }
    return b.toString();
  }

  private static Problems.Problem problem(Error e, JsonNode data) {
    String at = pointer(e.getInstanceLocation());
    JsonNode value = Json.at(data, at);
    JsonNode schema = e.getSchemaNode();
    String message = switch (e.getKeyword()) {
      case "additionalProperties" -> "unknown field " + Problems.quote(e.getProperty());
      case "required" -> "Required value: missing required field " + Problems.quote(e.getProperty());
      case "type" -> typeMessage(schema, value);
      case "enum" -> "Unsupported value: " + render(value) + ": supported values: "
          + stream(schema).stream().map(JsonNode::toString).collect(Collectors.joining(", "));
      case "pattern" -> "Invalid value: " + render(value) + ": must match pattern " + schema.asText();
      case "format" -> "Invalid value: " + render(value) + ": must be a valid " + schema.asText();
      case "oneOf" -> "must match exactly one of the oneOf alternatives";
      case "anyOf" -> "must match at least one of the anyOf alternatives";
      case "not" -> "must not match the schema under \"not\"";
      case "minimum" -> "Invalid value: " + render(value) + ": must be greater than or equal to " + schema;
      case "maximum" -> "Invalid value: " + render(value) + ": must be less than or equal to " + schema;
      case "minLength" -> "Invalid value: " + render(value) + ": must be at least " + schema + " characters";
      case "maxLength" -> "Too long: may not be more than " + schema + " characters";
      case "minItems" -> "Required value: must have at least " + schema + " items";
      case "maxItems" -> "Too many: must have at most " + schema + " items";
      case "minProperties" -> "Required value: must have at least " + schema + " properties";
      case "maxProperties" -> "Too many: must have at most " + schema + " properties";
      case ListTypeKeyword.NAME -> e.getMessage();
      default -> stripLocation(e.getMessage());
    };
    return new Problems.Problem(at, message);
  }

  private static String typeMessage(JsonNode schema, JsonNode value) {
    List<String> types = schema.isArray() ? stream(schema).stream().map(JsonNode::asText).toList()
        : List.of(schema.asText());
    String got = " (got " + Json.typeName(value) + ")";
    if (types.size() == 2 && types.contains("integer") && types.contains("string")) {
      return "must be an integer or a string" + got;
    }
    return "must be " + String.join(",", types) + got;
  }

  private static List<JsonNode> stream(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static String render(JsonNode value) {
    return value == null ? "null" : value.toString();
  }

  private static String stripLocation(String message) {
    int colon = message.indexOf(": ");
    return message.startsWith("/") && colon > 0 ? message.substring(colon + 2) : message;
  }
}
