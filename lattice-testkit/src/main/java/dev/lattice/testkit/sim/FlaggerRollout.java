package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Flagger does to a Deployment named by a {@code Canary}, as far as policies can tell: it
 * creates {@code <name>-primary} whose pods carry every label of the target's pod template except
 * the selector label, which becomes {@code <name>-primary}; the selector label is the first of
 * {@code app}, {@code name}, {@code app.kubernetes.io/name} (Flagger's default {@code
 * -selector-labels}) present in the target's {@code spec.selector.matchLabels}. The target is scaled
 * to zero and its pods come back only during an analysis, unchanged.
 *
 * <p>Sources: fluxcd/flagger pkg/canary/deployment_controller.go ({@code createPrimaryDeployment},
 * {@code getSelectorLabel}), pkg/canary/util.go ({@code makePrimaryLabels}), docs "How it works"
 * (https://docs.flagger.app/usage/how-it-works).
 */
public final class FlaggerRollout {
  /** Flagger's default selector labels, in the order it tries them. */
  public static final List<String> SELECTOR_LABELS = List.of("app", "name", "app.kubernetes.io/name");

  private FlaggerRollout() {}

  /**
   * The pods of a Deployment document as policies see them: its pod-template labels and
   * ServiceAccount, in the mesh or not, with the given container ports.
   */
  public static Workload pods(JsonNode deployment, boolean ambient, List<Integer> ports) {
    JsonNode template = deployment.path("spec").path("template");
    Map<String, String> labels = new HashMap<>();
    template.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    String sa = template.path("spec").path("serviceAccountName").asText("default");
    JsonNode meta = deployment.path("metadata");
    return new Workload(meta.path("namespace").asText("default"), meta.path("name").asText(), labels, sa, ambient, ports);
  }

  /**
   * The primary's pods Flagger makes of a target Deployment; empty (Flagger refuses the canary) when
   * its selector has none of {@link #SELECTOR_LABELS}.
   */
  public static Optional<Workload> primary(JsonNode deployment, boolean ambient, List<Integer> ports) {
    Optional<String> label = selectorLabel(deployment);
    if (label.isEmpty()) {
      return Optional.empty();
    }
    Workload target = pods(deployment, ambient, ports);
    String primaryName = target.name() + "-primary";
    Map<String, String> labels = new HashMap<>(target.labels());
    labels.put(label.get(), primaryName);
    return Optional.of(new Workload(target.namespace(), primaryName, labels, target.serviceAccount(), ambient,
        new ArrayList<>(ports)));
  }

  /** The label Flagger rewrites: the first of {@link #SELECTOR_LABELS} in the selector. */
  public static Optional<String> selectorLabel(JsonNode deployment) {
    JsonNode match = deployment.path("spec").path("selector").path("matchLabels");
    return SELECTOR_LABELS.stream().filter(match::has).findFirst();
  }

  /** Whether a {@code selector.matchLabels}/{@code matchExpressions} object selects {@code pods}. */
  public static boolean selects(JsonNode selector, Workload pods) {
    return LabelSelector.parse(selector).matches(pods.labels());
  }
}
