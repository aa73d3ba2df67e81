package dev.lattice.model.validate;

import dev.lattice.model.LatticeModel;
import dev.lattice.model.LatticeService;
import dev.lattice.model.ModelRoles;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.inference.LatticeModelSpec;
import dev.lattice.model.inference.ModelAutoscaling;
import dev.lattice.model.inference.ModelRoleSpec;
import dev.lattice.model.inference.ModelRouting;
import dev.lattice.model.inference.ModelSource;
import java.util.List;
import java.util.Set;

/**
 * Single-document checks of a {@code LatticeModel}: the roles Kthena can serve (aggregated {@code
 * serving}, or {@code prefill} with {@code decode}), the routing (port, KV connector, routes), the
 * model source, autoscaling bounds, then every role workload as the service it lowers to, with
 * positions and paths in the model document.
 */
final class ModelValidator {
  private static final Set<String> ROLES = Set.of(LatticeModelSpec.SERVING, LatticeModelSpec.PREFILL, LatticeModelSpec.DECODE);
  /** The schemes Kthena's downloader reads (ModelBooster {@code modelURI} pattern, model_booster_types.go). */
  private static final List<String> SCHEMES = List.of("hf://", "ms://", "s3://", "obs://", "pvc://");

  private final Findings f;
  private final Diagnostics diagnostics;

  ModelValidator(Findings f, Diagnostics diagnostics) {
    this.f = f;
    this.diagnostics = diagnostics;
  }

  void validate(SourcedObject sourced) {
    LatticeModel model = (LatticeModel) sourced.object();
    LatticeModelSpec spec = model.spec();
    if (spec.roles().isEmpty()) {
      f.error(Codes.MISSING_FIELD, "spec.roles", "a model needs at least one role", "add spec.roles.serving.entryWorkload.containers.main.image");
      return;
    }
    if (!roles(model.metadata().name(), spec)) {
      return;
    }
    routing(spec);
    spec.modelSource().ifPresent(this::source);
    spec.restartGracePeriodSeconds().filter(s -> s < 0).ifPresent(s -> f.error(Codes.INVALID_VALUE, "spec.restartGracePeriodSeconds",
        "restartGracePeriodSeconds must not be negative", null));
    spec.roles().forEach((name, role) -> autoscaling(spec, name));
    for (ModelRoles.Workload w : ModelRoles.of(sourced)) {
      new ServiceValidator(new Findings(diagnostics, w.workload().sources())).validate((LatticeService) w.workload().object());
    }
  }

  /** The role names and their combination; false when the roles are not ones Kthena serves. */
  private boolean roles(String model, LatticeModelSpec spec) {
    boolean ok = true;
    for (String name : spec.roles().keySet()) {
      String path = Findings.child("spec.roles", name);
      if (!ROLES.contains(name)) {
        f.errorAtKey(Codes.MODEL_ROLES, path, "unknown role '" + name + "'", "a model's roles are serving, or prefill and decode");
        ok = false;
        continue;
      }
      String workload = ModelRoles.workloadName(model, name, true);
      KubernetesNames.serviceName(workload).ifPresent(why -> f.errorAtKey(Codes.INVALID_NAME, path,
          "the role's worker name '" + workload + "' (model-role-worker) is invalid: " + why, "shorten the model's name"));
      ModelRoleSpec role = spec.roles().get(name);
      role.replicas().filter(r -> r < 0).ifPresent(r -> f.error(Codes.INVALID_VALUE, path + ".replicas", "replicas must not be negative", null));
      role.workerReplicas().filter(r -> r < 0).ifPresent(r -> f.error(Codes.INVALID_VALUE, path + ".workerReplicas", "workerReplicas must not be negative", null));
      boolean workers = spec.workerReplicasOf(name) > 0;
      boolean workerWorkload = role.workerWorkload().or(() -> spec.defaults().flatMap(ModelRoleSpec::workerWorkload)).isPresent();
      if (workers && !workerWorkload) {
        f.error(Codes.MODEL_ROLES, path + ".workerReplicas", "role '" + name + "' has " + spec.workerReplicasOf(name)
            + " worker pods but no workerWorkload", "add spec.roles." + name + ".workerWorkload, or leave workerReplicas out");
        ok = false;
      } else if (!workers && role.workerWorkload().isPresent()) {
        f.warning(Codes.UNCOMPILED_FIELD, path + ".workerWorkload", "role '" + name + "' has a workerWorkload but no workerReplicas; no worker pod runs it",
            "set workerReplicas to the worker pods per replica");
      }
    }
    boolean serving = spec.roles().containsKey(LatticeModelSpec.SERVING);
    boolean prefill = spec.roles().containsKey(LatticeModelSpec.PREFILL);
    boolean decode = spec.roles().containsKey(LatticeModelSpec.DECODE);
    if (serving && (prefill || decode)) {
      f.error(Codes.MODEL_ROLES, "spec.roles", "a model is served either whole (serving) or disaggregated (prefill and decode), not both",
          "keep serving, or replace it by prefill and decode");
      ok = false;
    } else if (prefill != decode) {
      f.error(Codes.MODEL_ROLES, "spec.roles", "disaggregated serving needs both prefill and decode; this model has only "
          + (prefill ? "prefill" : "decode"), "add the other role, or name the single role serving");
      ok = false;
    }
    return ok;
  }

  private void routing(LatticeModelSpec spec) {
    ModelRouting r = spec.routing();
    if (r.port() < 1 || r.port() > 65535) {
      f.error(Codes.MODEL_ROUTING, "spec.routing.port", "port " + r.port() + " is out of range 1-65535", null);
    }
    if (r.model().isBlank()) {
      f.error(Codes.MODEL_ROUTING, "spec.routing.model", "routing.model (the model name requests carry) is empty", null);
    }
    if (spec.disaggregated()) {
      boolean nixl = r.kvConnector().flatMap(ModelRouting.KvConnector::type).filter(t -> t == ModelRouting.ConnectorType.NIXL).isPresent();
      if (!nixl && r.kvConnector().flatMap(ModelRouting.KvConnector::port).isEmpty()) {
        f.error(Codes.MODEL_ROUTING, r.kvConnector().isPresent() ? "spec.routing.kvConnector" : "spec.routing",
            "disaggregated serving needs routing.kvConnector.port: prefill and decode transfer the KV cache on it, and only that port is opened between them",
            "e.g. kvConnector: {type: mooncake, port: 12345}; a nixl connector opens every port between them instead");
      }
    } else if (r.kvConnector().isPresent()) {
      f.warning(Codes.UNCOMPILED_FIELD, "spec.routing.kvConnector", "kvConnector applies to prefill/decode disaggregation; a serving model ignores it", null);
    }
    r.kvConnector().flatMap(ModelRouting.KvConnector::port).filter(p -> p < 1 || p > 65535 || p == r.port()).ifPresent(p ->
        f.error(Codes.MODEL_ROUTING, "spec.routing.kvConnector.port", "KV connector port " + p
            + (p == r.port() ? " is the routing port" : " is out of range 1-65535"), "pick the engine's KV-transfer port"));
    r.routes().forEach((name, route) -> {
      String path = Findings.child("spec.routing.routes", name);
      KubernetesNames.label(name).ifPresent(why -> f.errorAtKey(Codes.INVALID_NAME, path, "invalid route name '" + name + "': " + why, null));
      if (route.rules().isEmpty()) {
        f.error(Codes.MODEL_ROUTING, path, "route '" + name + "' has no rules", "add rules: [{name: default, targetModels: [{weight: 100}]}]");
      }
      if (route.loraAdapters().size() > 10) {
        f.error(Codes.MODEL_ROUTING, path + ".loraAdapters", "a ModelRoute matches at most 10 LoRA adapters", null);
      }
      for (int i = 0; i < route.rules().size(); i++) {
        ModelRouting.Rule rule = route.rules().get(i);
        String rp = path + ".rules[" + i + "]";
        if (rule.targetModels().isEmpty()) {
          f.error(Codes.MODEL_ROUTING, rp, "a rule needs at least one target", "targetModels: [{weight: 100}]");
        }
        for (int t = 0; t < rule.targetModels().size(); t++) {
          rule.targetModels().get(t).weight().filter(w -> w < 0 || w > 100).ifPresent(w -> f.error(Codes.MODEL_ROUTING,
              rp, "weight " + w + " is out of range 0-100", null));
        }
      }
    });
  }

  private void source(ModelSource s) {
    if (SCHEMES.stream().noneMatch(s.uri()::startsWith)) {
      f.error(Codes.MODEL_SOURCE, "spec.modelSource.uri", "model uri '" + s.uri() + "' has a scheme Kthena's downloader does not read",
          "one of " + SCHEMES);
    }
    if (s.cacheUri().isPresent() && s.cacheSize().isPresent()) {
      f.error(Codes.MODEL_SOURCE, "spec.modelSource.cacheUri", "cacheUri (an existing claim) and cacheSize (a claim Lattice creates) exclude each other",
          "keep one");
    }
    s.cacheUri().filter(u -> !u.startsWith("pvc://") || u.length() == "pvc://".length()).ifPresent(u -> f.error(Codes.MODEL_SOURCE,
        "spec.modelSource.cacheUri", "cacheUri '" + u + "' is not pvc://<claim>; Lattice does not mount host paths (the restricted pod security standard forbids them)",
        "use pvc://<claim>, or cacheSize for a claim Lattice creates"));
    s.mountPath().filter(p -> !p.startsWith("/")).ifPresent(p -> f.error(Codes.INVALID_VALUE, "spec.modelSource.mountPath",
        "mount path '" + p + "' is not absolute", null));
    if (s.uri().startsWith("pvc://") && s.cacheUri().isEmpty()) {
      f.error(Codes.MODEL_SOURCE, "spec.modelSource.uri", "a pvc:// model is read through the cache claim, so it needs cacheUri: pvc://<claim> of the same claim",
          null);
    }
  }

  private void autoscaling(LatticeModelSpec spec, String role) {
    spec.autoscalingOf(role).ifPresent(a -> {
      String path = Findings.child("spec.roles", role) + ".autoscaling";
      int min = a.min().orElse(spec.replicasOf(role));
      if (a.max() < 1 || a.max() < min) {
        f.error(Codes.INVALID_VALUE, path + ".max", "autoscaling.max " + a.max() + " must be at least 1 and at least min (" + min + ")", null);
      }
      if (a.metrics().isEmpty()) {
        f.error(Codes.MISSING_FIELD, path + ".metrics", "autoscaling needs at least one metric", "metrics: [{metric: gpu_kv_cache_usage, target: 0.8}]");
      }
      a.behavior().flatMap(ModelAutoscaling.Behavior::scaleUp).flatMap(ModelAutoscaling.ScaleUp::panicThresholdPercent)
          .filter(p -> p < 110 || p > 1000).ifPresent(p -> f.error(Codes.INVALID_VALUE, path + ".behavior.scaleUp.panicThresholdPercent",
              "panicThresholdPercent " + p + " is out of Kthena's range 110-1000", null));
    });
  }
}
