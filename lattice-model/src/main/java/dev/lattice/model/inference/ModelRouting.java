package dev.lattice.model.inference;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import dev.lattice.model.base.WireEnum;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the Kthena router reaches the model (its ModelServer): the engine, the model name requests
 * carry, the engine's port in the role's pods, the KV connector between prefill and decode (its
 * type, and the port the prefill pods serve KV transfer on), the retry/timeout policy, and the
 * named routes (each a ModelRoute).
 */
public record ModelRouting(
    @Required InferenceEngine inferenceEngine,
    @Required String model,
    @Required int port,
    Optional<KvConnector> kvConnector,
    Map<String, Object> trafficPolicy,
    Map<String, Route> routes) {

  public ModelRouting {
    kvConnector = Values.opt(kvConnector);
    trafficPolicy = Values.map(trafficPolicy);
    routes = Values.map(routes);
  }

  /** The engines a ModelServer names (its schema's enum). */
  public enum InferenceEngine implements WireEnum {
    VLLM("vLLM"),
    SGLANG("SGLang");

    private final String wire;

    InferenceEngine(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** The KV connector: its type (the ModelServer schema's enum) and the KV-transfer port. */
  public record KvConnector(Optional<ConnectorType> type, Optional<Integer> port) {
    public KvConnector {
      type = Values.opt(type);
      port = Values.opt(port);
    }
  }

  /** The connector types of the ModelServer schema. */
  public enum ConnectorType implements WireEnum {
    HTTP("http"),
    LMCACHE("lmcache"),
    NIXL("nixl"),
    MOONCAKE("mooncake");

    private final String wire;

    ConnectorType(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** A ModelRoute: the model name it matches (default the routing's), LoRA adapters, and its rules. */
  public record Route(Optional<String> modelName, List<String> loraAdapters, List<Rule> rules) {
    public Route {
      modelName = Values.opt(modelName);
      loraAdapters = Values.list(loraAdapters);
      rules = Values.list(rules);
    }
  }

  /** A rule: its name, an optional match (headers, uri, body model; as the ModelRoute schema), and weighted targets. */
  public record Rule(Optional<String> name, Map<String, Object> modelMatch, List<Target> targetModels) {
    public Rule {
      name = Values.opt(name);
      modelMatch = Values.map(modelMatch);
      targetModels = Values.list(targetModels);
    }
  }

  /** A target: a weight and the ModelServer it sends to (default this model's). */
  public record Target(Optional<Integer> weight, Optional<String> modelServerName) {
    public Target {
      weight = Values.opt(weight);
      modelServerName = Values.opt(modelServerName);
    }
  }
}
