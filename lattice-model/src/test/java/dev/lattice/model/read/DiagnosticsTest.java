package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Severity;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One focused input per reading and service diagnostic code (LAT1xxx), pinning code, severity, position
 * (line:column) and JSON path. Positions are where a user would look: the offending key for
 * unknown fields and names, the value for wrong values, the enclosing mapping for missing fields.
 */
class DiagnosticsTest extends DiagnosticCases {

  @Test
  void lat1001SyntaxError() {
    Diagnostic d = only("""
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata:
          name: [web
        """, Codes.SYNTAX);
    assertAt(d, Severity.ERROR, 4, 13, "");
    assertThat(d.message()).startsWith("syntax error");
  }

  @Test
  void lat1001SyntaxErrorInJson() {
    ReadResult r = reader.readString("t.json", "{\"apiVersion\": \"lattice.dev/v1alpha1\",\n \"kind\": }");
    Diagnostic d = single(r, Codes.SYNTAX);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.position().file()).isEqualTo("t.json");
    assertThat(d.position().line()).isEqualTo(2);
  }

  @Test
  void lat1001AliasIsAnErrorNotItsAnchorName() {
    // regression: Jackson reports an alias as its anchor's name, so `image: *img` read as "img"
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main:
                image: &img nginx:1.27
              side:
                image: *img
        """, Codes.SYNTAX);
    assertAt(d, Severity.ERROR, 11, 16, "spec.workload.containers.side.image");
    assertThat(d.message()).contains("*img");
  }

  @Test
  void lat1002DuplicateKey() {
    Diagnostic d = only("""
        apiVersion: lattice.dev/v1alpha1
        kind: CloudProvider
        metadata:
          name: aws
        spec:
          type: aws
          type: docker
        """, Codes.DUPLICATE_KEY);
    assertAt(d, Severity.ERROR, 7, 3, "spec.type");
    assertThat(d.message()).contains("first at line 6");
  }

  @Test
  void lat1002SameFieldInTwoSpellings() {
    ReadResult r = read("""
        apiVersion: lattice.io/v1alpha1
        kind: LatticeExternalService
        metadata:
          name: stripe
        spec:
          endpoints: {api: "https://api.stripe.com"}
          allowed_requesters: [a]
          allowedRequesters: [b]
        """);
    assertAt(single(r, Codes.DUPLICATE_KEY), Severity.ERROR, 8, 3, "spec.allowedRequesters");
  }

  @Test
  void lat1004DocumentIsNotAMapping() {
    Diagnostic d = only("- just\n- a list\n", Codes.NOT_A_RESOURCE);
    assertAt(d, Severity.ERROR, 1, 1, "");
  }

  @Test
  void lat1004DocumentWithoutApiVersion() {
    Diagnostic d = only("kind: LatticeService\nmetadata:\n  name: x\n", Codes.NOT_A_RESOURCE);
    assertAt(d, Severity.ERROR, 1, 1, "apiVersion");
  }

  @Test
  void lat1005UnsupportedKindIsAWarning() {
    ReadResult r = read("apiVersion: lattice.dev/v1alpha1\nkind: LatticePackage\nmetadata:\n  name: x\n");
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.objects()).isEmpty();
    assertAt(single(r, Codes.UNSUPPORTED_KIND), Severity.WARNING, 2, 7, "kind");
  }

  @Test
  void lat1005HintsAtTheNearestKind() {
    ReadResult r = read("apiVersion: lattice.dev/v1alpha1\nkind: LatticeServce\nmetadata:\n  name: x\n");
    assertThat(single(r, Codes.UNSUPPORTED_KIND).hint()).hasValue("did you mean 'LatticeService'?");
  }

  @Test
  void lat1006ForeignDocumentIsSkippedWithInfo() {
    ReadResult r = read("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
    assertThat(r.objects()).isEmpty();
    assertAt(single(r, Codes.FOREIGN_DOCUMENT), Severity.INFO, 1, 1, "");
  }

  @Test
  void lat1007UnknownLatticeApiVersion() {
    Diagnostic d = only("apiVersion: lattice.dev/v1beta9\nkind: LatticeService\nmetadata:\n  name: x\n",
        Codes.UNKNOWN_API_VERSION);
    assertAt(d, Severity.ERROR, 1, 13, "apiVersion");
  }

  @Test
  void lat1010UnknownFieldWithDidYouMean() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main:
                image: nginx
                livenesProbe:
                  tcpSocket: {port: 80}
        """, Codes.UNKNOWN_FIELD);
    assertAt(d, Severity.ERROR, 10, 9, "spec.workload.containers.main.livenesProbe");
    assertThat(d.hint()).hasValue("did you mean 'livenessProbe'?");
  }

  @Test
  void lat1010UnknownFieldWithoutNearMatchListsTheKnownFields() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main: {image: nginx, flavour: vanilla}
        """, Codes.UNKNOWN_FIELD);
    assertAt(d, Severity.ERROR, 8, 28, "spec.workload.containers.main.flavour");
    assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("known fields here:").contains("image"));
  }

  @Test
  void lat1011QuotedNumber() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main: {image: nginx}
            service:
              ports:
                http:
                  port: "8080"
        """, Codes.WRONG_TYPE);
    assertAt(d, Severity.ERROR, 12, 17, "spec.workload.service.ports.http.port");
    assertThat(d.hint()).hasValue("write the number without quotes");
  }

  @Test
  void lat1011ListWhereAMappingBelongs() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              - image: nginx
        """, Codes.WRONG_TYPE);
    assertAt(d, Severity.ERROR, 8, 7, "spec.workload.containers");
  }

  @Test
  void lat1012MissingImage() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main:
                args: [serve]
        """, Codes.MISSING_FIELD);
    assertAt(d, Severity.ERROR, 9, 9, "spec.workload.containers.main.image");
  }

  @Test
  void lat1012MissingSpec() {
    Diagnostic d = only("apiVersion: lattice.dev/v1alpha1\nkind: LatticeService\nmetadata:\n  name: web\n",
        Codes.MISSING_FIELD);
    assertAt(d, Severity.ERROR, 1, 1, "spec");
  }

  @Test
  void lat1013ValueOutsideTheAllowedSet() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main: {image: nginx}
            resources:
              db:
                direction: sideways
        """, Codes.INVALID_VALUE);
    assertAt(d, Severity.ERROR, 11, 20, "spec.workload.resources.db.direction");
  }

  @Test
  void lat1020InvalidServiceName() {
    Diagnostic d = only("""
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata:
          name: Payment_API
        spec:
          workload:
            containers:
              main: {image: nginx}
        """, Codes.INVALID_NAME);
    assertAt(d, Severity.ERROR, 4, 9, "metadata.name");
  }

  @Test
  void lat1020InvalidPortNameIsReportedAtTheKey() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main: {image: nginx}
            service:
              ports:
                Web_UI:
                  port: 80
        """, Codes.INVALID_NAME);
    assertAt(d, Severity.ERROR, 11, 9, "spec.workload.service.ports.Web_UI");
  }

  @Test
  void lat1021PortOutOfRange() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main: {image: nginx}
            service:
              ports:
                http: {port: 70000}
        """, Codes.PORT_RANGE);
    assertAt(d, Severity.ERROR, 11, 22, "spec.workload.service.ports.http.port");
  }

  @Test
  void lat1022DuplicatePortNumber() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main: {image: nginx}
            service:
              ports:
                http: {port: 8080}
                admin: {port: 8080}
        """, Codes.DUPLICATE_PORT);
    assertAt(d, Severity.ERROR, 12, 23, "spec.workload.service.ports.admin.port");
  }

  @Test
  void lat1023BadCpuQuantity() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main:
                image: nginx
                resources:
                  requests: {cpu: lots}
        """, Codes.BAD_QUANTITY);
    assertAt(d, Severity.ERROR, 11, 27, "spec.workload.containers.main.resources.requests.cpu");
  }

  @Test
  void lat1023RequestAboveLimit() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main:
                image: nginx
                resources:
                  requests: {memory: 2Gi}
                  limits: {memory: 1Gi}
        """, Codes.BAD_QUANTITY);
    assertAt(d, Severity.ERROR, 11, 30, "spec.workload.containers.main.resources.requests.memory");
  }

  @Test
  void lat1024ProbePortNotOffered() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main:
                image: nginx
                readinessProbe:
                  httpGet: {path: /ready, port: 9999}
            service:
              ports:
                http: {port: 80, targetPort: 8080}
        """, Codes.PROBE_PORT);
    assertAt(d, Severity.ERROR, 11, 41, "spec.workload.containers.main.readinessProbe.httpGet.port");
    assertThat(d.message()).contains("9999", "[8080]");
  }

  @Test
  void lat1025AutoscalingMaxBelowReplicas() {
    Diagnostic d = only(SERVICE_HEAD + """
          replicas: 4
          autoscaling: {max: 2}
          workload:
            containers:
              main: {image: nginx}
        """, Codes.REPLICAS);
    assertAt(d, Severity.ERROR, 7, 22, "spec.autoscaling.max");
  }

  @Test
  void lat1026PlaceholderNamesNoResource() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main:
                image: nginx
                variables:
                  DB_HOST: ${resources.databse.host}
            resources:
              database: {}
        """, Codes.PLACEHOLDER);
    assertAt(d, Severity.ERROR, 11, 20, "spec.workload.containers.main.variables.DB_HOST");
    assertThat(d.hint()).hasValue("did you mean 'database'?");
  }

  @Test
  void lat1026SecretPlaceholderNamesAnUnlistedKey() {
    Diagnostic d = only(SERVICE_HEAD + """
          workload:
            containers:
              main:
                image: nginx
                variables:
                  PASSWORD: ${secret.db.passwd}
            resources:
              db:
                type: secret
                params: {keys: [password]}
        """, Codes.PLACEHOLDER);
    assertAt(d, Severity.ERROR, 11, 21, "spec.workload.containers.main.variables.PASSWORD");
  }

  @Test
  void lat1101FlatFormIsAWarning() {
    ReadResult r = read(SERVICE_HEAD + """
          replicas: {min: 2, max: 5}
          containers:
            main: {image: nginx}
        """);
    assertThat(r.hasErrors()).isFalse();
    assertAt(single(r, Codes.FLAT_FORM), Severity.WARNING, 6, 3, "spec");
    assertThat(r.diagnostics()).hasSize(1);
  }

  @Test
  void lat1102SnakeCaseFormIsAWarning() {
    ReadResult r = read("""
        apiVersion: lattice.io/v1alpha1
        kind: LatticeExternalService
        metadata:
          name: stripe
        spec:
          endpoints: {api: "https://api.stripe.com"}
          allowed_requesters: [checkout]
        """);
    assertThat(r.hasErrors()).isFalse();
    assertAt(single(r, Codes.SNAKE_CASE_FORM), Severity.WARNING, 1, 13, "apiVersion");
    assertThat(r.diagnostics()).hasSize(1);
  }

  @Test
  void hugeQuantityExponentIsADiagnosticNotACrash() {
    for (String cpu : List.of("1e99999999999", "1e-2147483648", "1e2147483647")) {
      ReadResult r = read(SERVICE_HEAD + """
            workload:
              containers:
                main:
                  image: nginx
                  resources:
                    requests: {cpu: "%s"}
          """.formatted(cpu));
      assertThat(r.objects()).hasSize(1);
      assertThat(r.diagnostics()).as(cpu).allSatisfy(d -> assertThat(d.code()).isEqualTo(Codes.BAD_QUANTITY));
    }
  }
}
