package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Matching of one AuthorizationPolicy rule as a callee's ztunnel enforces it: every clause given
 * ({@code from}, {@code to}, {@code when}) must match; within {@code from}/{@code to} any entry;
 * within an entry every field; within a field any value ({@code not*}: none). Empty lists count as
 * absent. Values match exactly, by {@code *} prefix/suffix wildcard, or {@code *} alone (which
 * still needs a peer identity).
 *
 * <p>ztunnel understands only L4 attributes: principals, namespaces, service accounts, trust
 * domains, ports, and the {@code when} keys {@code source.principal}, {@code source.namespace} and
 * {@code destination.port}. Anything else (methods, paths, hosts, request principals, IP blocks
 * the simulator cannot know, other {@code when} keys) fails safe: it never matches in an ALLOW
 * rule and is ignored (matches) in a DENY rule.
 */
final class IstioRule {
  private static final Map<String, Function<IstioCaller, Optional<String>>> SOURCE_FIELDS = Map.of(
      "principals", IstioCaller::principal,
      "namespaces", IstioCaller::namespace,
      "serviceAccounts", IstioCaller::serviceAccountRef,
      "trustDomains", IstioCaller::trustDomain);

  private IstioRule() {}

  /**
   * Whether {@code rule} matches.
   *
   * @param failSafe what an attribute ztunnel cannot evaluate counts as (false for ALLOW, true for
   *     DENY)
   */
  static boolean matches(JsonNode rule, IstioCaller caller, int port, boolean failSafe) {
    return anyEntry(rule.path("from"), failSafe, e -> source(e.path("source"), caller, failSafe))
        && anyEntry(rule.path("to"), failSafe, e -> operation(e.path("operation"), port, failSafe))
        && allConditions(rule.path("when"), caller, port, failSafe);
  }

  /** Any entry matches; an absent or empty clause matches; a malformed one fails safe. */
  private static boolean anyEntry(JsonNode list, boolean failSafe,
      java.util.function.Predicate<JsonNode> test) {
    if (list.isMissingNode() || list.isNull() || (list.isArray() && list.isEmpty())) {
      return true;
    }
    if (!list.isArray()) {
      return failSafe;
    }
    for (JsonNode entry : list) {
      if (test.test(entry)) {
        return true;
      }
    }
    return false;
  }

  private static boolean source(JsonNode source, IstioCaller caller, boolean failSafe) {
    var fields = source.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (field.getValue().isArray() && field.getValue().isEmpty()) {
        continue;
      }
      String name = field.getKey();
      boolean negated = name.startsWith("not");
      String base = negated ? lowerFirst(name.substring(3)) : name;
      Function<IstioCaller, Optional<String>> attribute = SOURCE_FIELDS.get(base);
      boolean ok = attribute == null
          ? failSafe
          : anyValue(field.getValue(), attribute.apply(caller)) != negated;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean operation(JsonNode operation, int port, boolean failSafe) {
    var fields = operation.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (field.getValue().isArray() && field.getValue().isEmpty()) {
        continue;
      }
      boolean ok = switch (field.getKey()) {
        case "ports" -> anyValue(field.getValue(), Optional.of(String.valueOf(port)));
        case "notPorts" -> !anyValue(field.getValue(), Optional.of(String.valueOf(port)));
        default -> failSafe;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean allConditions(JsonNode when, IstioCaller caller, int port,
      boolean failSafe) {
    for (JsonNode condition : when) {
      Optional<String> actual = switch (condition.path("key").asText()) {
        case "source.principal" -> caller.principal();
        case "source.namespace" -> caller.namespace();
        case "destination.port" -> Optional.of(String.valueOf(port));
        default -> null;
      };
      if (actual == null) {
        if (!failSafe) {
          return false;
        }
        continue;
      }
      JsonNode values = condition.path("values");
      if (values.isArray() && !values.isEmpty() && !anyValue(values, actual)) {
        return false;
      }
      if (anyValue(condition.path("notValues"), actual)) {
        return false;
      }
    }
    return true;
  }

  /** Whether any of {@code values} matches the attribute; an absent attribute matches none. */
  static boolean anyValue(JsonNode values, Optional<String> attribute) {
    if (attribute.isEmpty()) {
      return false;
    }
    String actual = attribute.get();
    for (JsonNode v : values) {
      if (valueMatches(v.asText(), actual)) {
        return true;
      }
    }
    return false;
  }

  static boolean valueMatches(String pattern, String actual) {
    if (pattern.equals("*")) {
      return !actual.isEmpty();
    }
    if (pattern.startsWith("*")) {
      return actual.endsWith(pattern.substring(1));
    }
    if (pattern.endsWith("*")) {
      return actual.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(actual);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
