package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.LatticeModel;
import dev.lattice.model.LatticeService;
import dev.lattice.model.ModelRoles;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code LatticeModel}: the model's own rules (LAT1055–LAT1057) and every service rule applied to
 * each role workload, positioned in the model document at the role's own value or the default it took.
 */
class ModelDiagnosticsTest extends DiagnosticCases {
  static final String HEAD = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeModel
      metadata:
        name: llm
        namespace: serving
      spec:
        routing: {inferenceEngine: vLLM, model: m, port: 8000, kvConnector: {type: nixl, port: 5557}}
      """;

  @Test
  void aDisaggregatedModelReadsWithDefaultsMergedIntoItsRoles() {
    ReadResult r = read(HEAD + """
          modelSource: {uri: "hf://org/m", cacheSize: 10Gi, tokenSecret: {id: hf/token}}
          defaults:
            entryWorkload:
              containers:
                main: {image: vllm/vllm-openai:v0.10.0}
            entryRuntime: {imagePullSecrets: [default]}
          roles:
            prefill: {replicas: 2}
            decode:
              replicas: 1
              workerReplicas: 2
              workerWorkload:
                containers:
                  main: {image: vllm/vllm-openai:v0.10.0}
              autoscaling: {max: 4, metrics: [{metric: gpu_kv_cache_usage, target: 0.8}]}
        """);
    assertThat(r.diagnostics()).as(render(r)).isEmpty();
    LatticeModel model = (LatticeModel) r.objects().get(0).object();
    assertThat(model.spec().disaggregated()).isTrue();
    var roles = ModelRoles.of(r.objects().get(0));
    assertThat(roles).extracting(ModelRoles.Workload::name).containsExactly("llm-prefill", "llm-decode", "llm-decode-worker");
    LatticeService prefill = (LatticeService) roles.get(0).workload().object();
    assertThat(prefill.spec().replicas()).isEqualTo(2);
    assertThat(prefill.spec().imagePullSecrets()).containsExactly("default");
    assertThat(prefill.spec().workload().service().orElseThrow().ports().get(ModelRoles.MODEL_PORT).port()).isEqualTo(8000);
    assertThat(prefill.spec().workload().resources().get(ModelRoles.TOKEN_RESOURCE).id()).contains("hf/token");
    LatticeService workers = (LatticeService) roles.get(2).workload().object();
    assertThat(workers.spec().replicas()).as("autoscaling.max × workerReplicas, what quotas count").isEqualTo(8);
    assertThat(workers.spec().workload().service()).as("workers take no requests").isEmpty();
  }

  @Test
  void aRoleErrorIsPositionedAtTheRolesOwnValue() {
    ReadResult r = read(HEAD + """
          roles:
            prefill:
              entryWorkload:
                containers:
                  main:
                    image: x:1
                    resources:
                      requests: {cpu: lots}
            decode:
              entryWorkload: {containers: {main: {image: x:1}}}
        """);
    assertAt(single(r, Codes.BAD_QUANTITY), Severity.ERROR, 15, 31, "spec.roles.prefill.entryWorkload.containers.main.resources.requests.cpu");
  }

  @Test
  void aRoleErrorFromTheDefaultsIsPositionedAtTheDefault() {
    ReadResult r = read(HEAD + """
          defaults:
            entryWorkload:
              containers:
                main: {}
          roles:
            serving: {}
        """.replace("kvConnector: {type: nixl, port: 5557}", ""));
    Diagnostic d = r.diagnostics().stream().filter(x -> x.code().equals(Codes.MISSING_FIELD)).findFirst().orElseThrow();
    assertThat(d.path()).as(render(r)).startsWith("spec.defaults.entryWorkload.containers.main");
    assertThat(d.position().line()).isEqualTo(11);
  }

  @Test
  void lat1055UnknownRole() {
    ReadResult r = read(HEAD + """
          roles:
            router: {entryWorkload: {containers: {main: {image: x:1}}}}
        """);
    assertAt(single(r, Codes.MODEL_ROLES), Severity.ERROR, 9, 5, "spec.roles.router");
  }

  @Test
  void lat1055ServingBesidePrefillAndDecode() {
    ReadResult r = read(HEAD + """
          defaults: {entryWorkload: {containers: {main: {image: x:1}}}}
          roles: {serving: {}, prefill: {}, decode: {}}
        """);
    assertThat(single(r, Codes.MODEL_ROLES).message()).contains("not both");
  }

  @Test
  void lat1055PrefillWithoutDecode() {
    ReadResult r = read(HEAD + """
          defaults: {entryWorkload: {containers: {main: {image: x:1}}}}
          roles: {prefill: {}}
        """);
    assertThat(single(r, Codes.MODEL_ROLES).message()).contains("only prefill");
  }

  @Test
  void lat1055WorkersWithoutAWorkload() {
    ReadResult r = read(HEAD + """
          roles:
            serving:
              workerReplicas: 2
              entryWorkload: {containers: {main: {image: x:1}}}
        """.replace("kvConnector: {type: nixl, port: 5557}", ""));
    assertAt(single(r, Codes.MODEL_ROLES), Severity.ERROR, 10, 23, "spec.roles.serving.workerReplicas");
  }

  @Test
  void lat1056DisaggregationNeedsAKvPortUnlessNixl() {
    String roles = """
          defaults: {entryWorkload: {containers: {main: {image: x:1}}}}
          roles: {prefill: {}, decode: {}}
        """;
    ReadResult r = read(HEAD.replace("type: nixl, port: 5557", "type: mooncake") + roles);
    assertThat(single(r, Codes.MODEL_ROUTING).path()).isEqualTo("spec.routing.kvConnector");
    // a NIXL connector opens every port between prefill and decode: no port to name
    assertThat(read(HEAD.replace(", port: 5557", "") + roles).diagnostics()).isEmpty();
  }

  @Test
  void lat1056ARouteWithoutRules() {
    ReadResult r = read((HEAD + """
          defaults: {entryWorkload: {containers: {main: {image: x:1}}}}
          roles: {prefill: {}, decode: {}}
          routing:
            inferenceEngine: vLLM
            model: m
            port: 8000
            kvConnector: {port: 5557}
            routes: {default: {rules: []}}
        """).replace("  routing: {inferenceEngine: vLLM, model: m, port: 8000, kvConnector: {type: nixl, port: 5557}}\n", ""));
    String text = r.diagnostics().toString();
    assertThat(r.diagnostics()).as(text).anyMatch(d -> d.code().equals(Codes.MODEL_ROUTING) && d.path().equals("spec.routing.routes.default"));
  }

  @Test
  void lat1057ModelSourceRules() {
    ReadResult r = read(HEAD + """
          modelSource: {uri: "ftp://x/m", cacheUri: "hostpath:///cache"}
          defaults: {entryWorkload: {containers: {main: {image: x:1}}}}
          roles: {prefill: {}, decode: {}}
        """);
    var codes = r.diagnostics().stream().filter(d -> d.code().equals(Codes.MODEL_SOURCE)).map(Diagnostic::path).toList();
    assertThat(codes).as(render(r)).containsExactly("spec.modelSource.uri", "spec.modelSource.cacheUri");
  }

  @Test
  void aServingModelIgnoresItsKvConnectorWithAWarning() {
    ReadResult r = read(HEAD + """
          roles:
            serving: {entryWorkload: {containers: {main: {image: x:1}}}}
        """);
    assertAt(single(r, Codes.UNCOMPILED_FIELD), Severity.WARNING, 7, 71, "spec.routing.kvConnector");
  }

  @Test
  void anUnknownEngineIsRefused() {
    ReadResult r = read(HEAD.replace("vLLM", "Triton") + """
          roles:
            prefill: {entryWorkload: {containers: {main: {image: x:1}}}}
            decode: {entryWorkload: {containers: {main: {image: x:1}}}}
        """);
    assertThat(r.diagnostics()).as(render(r)).anyMatch(d -> d.isError() && d.path().equals("spec.routing.inferenceEngine"));
  }
}
