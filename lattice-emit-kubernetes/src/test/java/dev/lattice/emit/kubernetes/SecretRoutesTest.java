package dev.lattice.emit.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.document.Document;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The five secret routes through the External Secrets Operator, config hashes, and no secret values. */
class SecretRoutesTest {
  private static final String SERVICE = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata: {name: api, namespace: shop}
      spec:
        imagePullSecrets: [registry, preexisting]
        workload:
          containers:
            main:
              image: registry.example.com/api:1
              variables:
                PLAIN: hello
                PASSWORD: ${secret.db.password}
                DSN: "postgres://app:${secret.db.password}@db:5432/app?x={{y}}"
              files:
                /etc/app/config.yaml: {content: "token: ${secret.api-keys.token}\\n"}
                /etc/app/plain.txt: {content: "just text"}
          resources:
            db: {type: secret, id: prod/db, params: {provider: vault, keys: [password]}}
            api-keys: {type: secret, params: {provider: aws-sm, keys: [token], refreshInterval: 15m}}
            everything: {type: secret, id: prod/all, params: {provider: vault}}
            registry: {type: secret, id: prod/registry, params: {provider: vault}}
      """;

  private static Compilation compile(String yaml) {
    return LatticeCompiler.builder().authorizer(dev.lattice.compiler.stage.Authorizer.ALLOW_ALL).emitters(new KubernetesEmitter()).build().compile(Sources.fromStrings(Map.of("api.yaml", yaml)));
  }

  private static JsonNode doc(Compilation c, String kind, String name) {
    return c.documents().stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).map(Document::json)
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + c.documents().stream().map(Document::id).toList()));
  }

  @Test
  void route1WholeValueSecretReadsTheSyncedSecretKey() {
    Compilation c = compile(SERVICE);
    JsonNode container = doc(c, "Deployment", "api").at("/spec/template/spec/containers/0");
    assertThat(container.at("/env/0/name").asText()).isEqualTo("PASSWORD");
    assertThat(container.at("/env/0/valueFrom/secretKeyRef/name").asText()).isEqualTo("api-db");
    assertThat(container.at("/env/0/valueFrom/secretKeyRef/key").asText()).isEqualTo("password");
    JsonNode es = doc(c, "ExternalSecret", "api-db");
    assertThat(es.at("/spec/data/0/remoteRef/key").asText()).isEqualTo("prod/db");
    assertThat(es.at("/spec/data/0/remoteRef/property").asText()).isEqualTo("password");
    assertThat(es.at("/spec/secretStoreRef/kind").asText()).isEqualTo("ClusterSecretStore");
    assertThat(es.at("/spec/secretStoreRef/name").asText()).isEqualTo("vault");
  }

  @Test
  void route2MixedEnvironmentIsATemplatedExternalSecret() {
    Compilation c = compile(SERVICE);
    JsonNode container = doc(c, "Deployment", "api").at("/spec/template/spec/containers/0");
    assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("api-main-env");
    assertThat(container.at("/envFrom/1/secretRef/name").asText()).isEqualTo("api-main-secret-env");
    assertThat(doc(c, "ConfigMap", "api-main-env").at("/data/PLAIN").asText()).isEqualTo("hello");
    JsonNode es = doc(c, "ExternalSecret", "api-main-secret-env");
    assertThat(es.at("/spec/target/template/data/DSN").asText())
        .isEqualTo("postgres://app:{{ index . \"db.password\" }}@db:5432/app?x={{ \"{{\" }}y}}");
    assertThat(es.at("/spec/data/0/secretKey").asText()).isEqualTo("db.password");
  }

  @Test
  void route3FilesWithSecretsAreRenderedIntoASecretAndMounted() {
    Compilation c = compile(SERVICE);
    JsonNode es = doc(c, "ExternalSecret", "api-secret-files");
    assertThat(es.at("/spec/target/template/data/main_etc_app_config.yaml").asText()).isEqualTo("token: {{ index . \"api-keys.token\" }}\n");
    assertThat(es.at("/spec/secretStoreRef/name").asText()).isEqualTo("aws-sm");
    assertThat(doc(c, "ConfigMap", "api-files").at("/data/main_etc_app_plain.txt").asText()).isEqualTo("just text");
    String pod = doc(c, "Deployment", "api").at("/spec/template/spec").toString();
    assertThat(pod).contains("\"secretName\":\"api-secret-files\"").contains("\"subPath\":\"main_etc_app_config.yaml\"");
  }

  @Test
  void route4ImagePullSecretsBecomeDockerConfigSecrets() {
    Compilation c = compile(SERVICE);
    JsonNode es = doc(c, "ExternalSecret", "api-registry");
    assertThat(es.at("/spec/target/template/type").asText()).isEqualTo("kubernetes.io/dockerconfigjson");
    assertThat(es.at("/spec/dataFrom/0/extract/key").asText()).isEqualTo("prod/registry");
    JsonNode pulls = doc(c, "Deployment", "api").at("/spec/template/spec/imagePullSecrets");
    assertThat(pulls.toString()).contains("\"api-registry\"").contains("\"preexisting\"");
  }

  @Test
  void route5SecretWithoutKeysExtractsTheWholeRemoteSecret() {
    JsonNode es = doc(compile(SERVICE), "ExternalSecret", "api-everything");
    assertThat(es.at("/spec/dataFrom/0/extract/key").asText()).isEqualTo("prod/all");
    assertThat(es.at("/spec/data").isMissingNode()).isTrue();
  }

  @Test
  void aConfigChangeRollsThePods() {
    String before = doc(compile(SERVICE), "Deployment", "api").at("/spec/template/metadata/annotations").toString();
    String after = doc(compile(SERVICE.replace("PLAIN: hello", "PLAIN: bye")), "Deployment", "api")
        .at("/spec/template/metadata/annotations").toString();
    assertThat(before).contains("lattice.dev/config-hash");
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void noSecretValueAppearsAnywhere() {
    String yaml = compile(SERVICE.replace("PLAIN: hello", "PLAIN: s3cr3t-looking-but-plain")).toYaml();
    assertThat(yaml).doesNotContain("${secret.");
  }
}
