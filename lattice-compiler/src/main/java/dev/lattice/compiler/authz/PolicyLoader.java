package dev.lattice.compiler.authz;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.DetailedError;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.model.CedarPolicy;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the enabled {@code CedarPolicy} documents into labelled Cedar policies and validates them
 * against the {@code Lattice} schema. A document whose text does not parse is left out whole
 * ({@code LAT3001}); a policy that does not validate is left out alone ({@code LAT3002}; the
 * schema's warnings, such as a policy that can never apply, are {@code LAT3002} warnings). Both
 * are errors, so a run with them fails; leaving the policy out only keeps the other answers
 * meaningful. Labels are {@code <namespace>/<name>#<@id or index>}.
 */
final class PolicyLoader {
  /** A policy that parsed: its rule, its Cedar form (id = label) and where its text starts. */
  record Loaded(ScopeRule rule, Policy policy, PolicyText text, int offset) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = PolicyText.PATH;

  private PolicyLoader() {}

  static List<Loaded> load(Collection<SourcedObject> objects, Diagnostics diagnostics) {
    Map<String, Loaded> byLabel = new LinkedHashMap<>();
    Set<String> documents = new HashSet<>();
    for (SourcedObject o : objects) {
      if (o.object() instanceof CedarPolicy cp && cp.spec().enabled() && documents.add(cp.qualifiedName())) {
        for (Loaded l : parse(o, cp, diagnostics)) {
          byLabel.put(l.rule().label(), l);
        }
      }
    }
    validate(byLabel, diagnostics);
    return List.copyOf(byLabel.values());
  }

  private static List<Loaded> parse(SourcedObject o, CedarPolicy cp, Diagnostics diagnostics) {
    String text = cp.spec().policies();
    PolicyText where = PolicyText.of(o, text);
    PolicySet parsed;
    try {
      parsed = PolicySet.parsePolicies(text);
    } catch (Exception e) {
      SyntaxErrors.SyntaxError s = SyntaxErrors.locate(text, String.valueOf(e.getMessage()));
      diagnostics.add(Diagnostic.error(Codes.CEDAR_SYNTAX,
          "CedarPolicy " + cp.qualifiedName() + " is not Cedar: " + s.message(),
          s.expected().map(x -> "expected " + x.replaceFirst("^expected ", "")).orElse("check the policy syntax"),
          where.at(s.offset()), PATH));
      return List.of();
    }
    List<Policy> inOrder = new ArrayList<>(parsed.policies);
    inOrder.sort(Comparator.comparingInt(PolicyLoader::ordinal));
    List<Loaded> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int cursor = 0;
    for (int i = 0; i < inOrder.size(); i++) {
      Policy p = inOrder.get(i);
      int offset = text.indexOf(p.policySrc, cursor);
      cursor = offset >= 0 ? offset + p.policySrc.length() : cursor;
      JsonNode json = json(p);
      String id = json.path("annotations").path("id").asText("");
      String label = cp.qualifiedName() + "#" + (id.isBlank() || !ids.add(id) ? String.valueOf(i) : id);
      ScopeRule rule = ScopeRule.fromJson(label, cp.spec().priority(), json);
      out.add(new Loaded(rule, new Policy(p.policySrc, label), where, Math.max(offset, 0)));
    }
    return out;
  }

  private static void validate(Map<String, Loaded> byLabel, Diagnostics diagnostics) {
    if (byLabel.isEmpty()) {
      return;
    }
    Set<Policy> all = new HashSet<>();
    byLabel.values().forEach(l -> all.add(l.policy()));
    ValidationResponse r;
    try {
      r = new BasicAuthorizationEngine().validate(new ValidationRequest(LatticeSchema.get(), new PolicySet(all)));
    } catch (AuthException e) {
      throw new IllegalStateException("Cedar validation failed: " + e.getMessage(), e);
    }
    if (r.success.isEmpty()) {
      throw new IllegalStateException("Cedar validation failed: " + r);
    }
    Set<String> invalid = new HashSet<>();
    for (ValidationResponse.ValidationError e : once(r.success.get().validationErrors)) {
      invalid.add(e.getPolicyId());
      report(byLabel.get(e.getPolicyId()), e.getError(), true, diagnostics);
    }
    for (ValidationResponse.ValidationError w : once(r.success.get().validationWarnings)) {
      report(byLabel.get(w.getPolicyId()), w.getError(), false, diagnostics);
    }
    byLabel.keySet().removeAll(invalid);
  }

  /**
   * One finding per policy and position. Cedar validates a policy once per principal type its scope
   * admits, so a typo in a policy open to every action (services and the cluster gate's
   * CloudProvider) comes back twice; the service's wording is kept.
   */
  private static java.util.List<ValidationResponse.ValidationError> once(java.util.List<ValidationResponse.ValidationError> all) {
    java.util.Map<String, ValidationResponse.ValidationError> first = new java.util.LinkedHashMap<>();
    all.stream().sorted(java.util.Comparator
            .comparing((ValidationResponse.ValidationError e) -> e.getError().message.contains("Lattice::CloudProvider"))
            .thenComparing(e -> e.getError().message))
        .forEach(e -> first.putIfAbsent(e.getPolicyId() + "@" + (e.getError().sourceLocations.isEmpty() ? "-"
            : e.getError().sourceLocations.get(0).start), e));
    return java.util.List.copyOf(first.values());
  }

  private static void report(Loaded l, DetailedError e, boolean error, Diagnostics diagnostics) {
    if (l == null) {
      return;
    }
    String src = l.policy().policySrc;
    int at = e.sourceLocations.isEmpty() ? 0 : PolicyText.charIndex(src, e.sourceLocations.get(0).start);
    String message = "policy " + l.rule().label() + " does not fit the Lattice schema: "
        + e.message.replace("for policy `" + l.rule().label() + "`, ", "");
    String hint = e.help.filter(h -> !h.isBlank()).orElse("see lattice.cedarschema for the entities and actions");
    diagnostics.add(error
        ? Diagnostic.error(Codes.CEDAR_INVALID, message, hint, l.text().at(l.offset() + at), PATH)
        : Diagnostic.warning(Codes.CEDAR_INVALID, message, hint, l.text().at(l.offset() + at), PATH));
  }

  private static JsonNode json(Policy p) {
    try {
      return JSON.readTree(p.toJson());
    } catch (JsonProcessingException | com.cedarpolicy.model.exception.InternalException e) {
      throw new IllegalStateException("Cedar could not render parsed policy " + p.policyID + ": " + e.getMessage(), e);
    }
  }

  /** {@code policy7} → 7: the order {@link PolicySet#parsePolicies(String)} read the policies in. */
  private static int ordinal(Policy p) {
    String digits = p.policyID.replaceAll("\\D", "");
    return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }
}
