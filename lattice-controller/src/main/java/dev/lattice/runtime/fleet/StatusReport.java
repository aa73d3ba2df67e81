package dev.lattice.runtime.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.Kind;
import dev.lattice.model.diagnostics.Diagnostic;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status of one object after a pass: {@code observedGeneration}, {@code phase}, a message,
 * {@code lastAppliedGeneration} and {@code lastAppliedSpec} (the spec last compiled and applied, kept
 * while later generations fail), and conditions {@code Ready}, {@code Compiled}, {@code Applied} plus one condition per diagnostic
 * code about the object (type = the code, reason = the severity). A condition keeps its
 * {@code lastTransitionTime} while its status does not change.
 */
final class StatusReport {
  private final Clock clock;

  StatusReport(Clock clock) {
    this.clock = clock;
  }

  ObjectNode of(RawObject object, FleetResult fleet, PassOutcome outcome) {
    ObjectKey key = object.key();
    List<Diagnostic> diagnostics = fleet.diagnosticsOf(key);
    boolean held = fleet.held().contains(key);
    boolean compiled = !held && !fleet.failed();
    String failure = outcome.failedOwners().getOrDefault(key.toString(), outcome.failedOwners().get(Ownership.FLEET));
    boolean applied = compiled && failure == null;
    String firstError = diagnostics.stream().filter(Diagnostic::isError).findFirst().map(StatusReport::line)
        .orElse(fleet.unattributed().stream().filter(Diagnostic::isError).findFirst().map(StatusReport::line).orElse(""));
    Map<String, String[]> conditions = new LinkedHashMap<>();
    conditions.put("Compiled", compiled
        ? new String[] {"True", "Compiled", "generation " + object.generation() + " compiled"}
        : new String[] {"False", held ? "InvalidSpec" : "FleetFailed", firstError});
    String notApplied = fleet.heldAtLastGood().contains(key)
        ? "this generation has errors; the last spec that compiled stays applied"
        : "nothing applied for this generation";
    conditions.put("Applied", applied
        ? new String[] {"True", "Applied", "every derived document is applied"}
        : compiled ? new String[] {"False", "ApplyFailed", failure + " (retrying)"} : new String[] {"False", "NotApplied", notApplied});
    conditions.put("Ready", compiled && applied
        ? new String[] {"True", "Ready", "compiled and applied"}
        : new String[] {"False", compiled ? "ApplyPending" : "CompileFailed", compiled ? failure : firstError});
    Map<String, StringBuilder> byCode = new LinkedHashMap<>();
    Map<String, String> severity = new LinkedHashMap<>();
    for (Diagnostic d : diagnostics) {
      StringBuilder text = byCode.computeIfAbsent(d.code(), c -> new StringBuilder());
      text.append(text.length() == 0 ? "" : "; ").append(line(d));
      severity.merge(d.code(), d.severity().name().charAt(0) + d.severity().name().substring(1).toLowerCase(), (a, b) -> a);
    }
    byCode.forEach((code, text) -> conditions.put(code, new String[] {"True", severity.get(code), text.toString()}));
    ObjectNode status = Json.object();
    status.put("observedGeneration", object.generation());
    if (object.key().kind() != Kind.LATTICE_CLUSTER) { // a cluster's phase is its lifecycle, reported by the cluster side
      status.put("phase", compiled && applied ? "Ready" : compiled ? "Pending" : "Failed");
    }
    status.put("message", compiled && applied ? "ready" : compiled ? failure : firstError);
    // the spec last compiled and applied, which a restarted controller compiles in place of one with errors
    if (compiled && applied && object.json().path("spec").isObject()) {
      status.put(ResourceText.LAST_APPLIED_GENERATION, object.generation());
      status.put(ResourceText.LAST_APPLIED_SPEC, object.json().path("spec").toString());
    } else if (object.status().path(ResourceText.LAST_APPLIED_SPEC).isTextual()) {
      status.set(ResourceText.LAST_APPLIED_GENERATION, object.status().path(ResourceText.LAST_APPLIED_GENERATION).deepCopy());
      status.set(ResourceText.LAST_APPLIED_SPEC, object.status().path(ResourceText.LAST_APPLIED_SPEC).deepCopy());
    }
    ArrayNode list = status.putArray("conditions");
    String now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    conditions.forEach((type, v) -> {
      ObjectNode c = list.addObject();
      c.put("type", type).put("status", v[0]).put("reason", v[1]).put("message", v[2] == null ? "" : v[2]);
      c.put("lastTransitionTime", previousTransition(object.status(), type, v[0]).orElse(now));
      c.put("observedGeneration", object.generation());
    });
    return status;
  }

  /** Whether writing {@code next} would change anything but timestamps. */
  static boolean sameAs(JsonNode current, ObjectNode next) {
    return strip(current).equals(strip(next));
  }

  private static JsonNode strip(JsonNode status) {
    if (!status.isObject()) {
      return status;
    }
    ObjectNode copy = ((ObjectNode) status).deepCopy();
    copy.path("conditions").forEach(c -> ((ObjectNode) c).remove("lastTransitionTime"));
    return copy;
  }

  private static java.util.Optional<String> previousTransition(JsonNode status, String type, String value) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asText().equals(type) && c.path("status").asText().equals(value) && c.hasNonNull("lastTransitionTime")) {
        return java.util.Optional.of(c.get("lastTransitionTime").asText());
      }
    }
    return java.util.Optional.empty();
  }

  static String line(Diagnostic d) {
    return d.code() + ": " + d.message() + (d.path().isEmpty() ? "" : " (at " + d.path() + ")")
        + d.hint().map(h -> "; hint: " + h).orElse("");
  }
}
