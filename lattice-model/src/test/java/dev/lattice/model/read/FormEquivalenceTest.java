package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.LatticeObject;
import dev.lattice.model.LatticeService;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Severity;
import dev.lattice.model.service.Direction;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The three spellings of a {@code LatticeService} (DESIGN §1) read to equal model values: the
 * canonical form, the flat camelCase form of the seed README and the older snake_case
 * {@code lattice.io/v1alpha1} form. The older forms carry a warning naming the canonical spelling.
 */
class FormEquivalenceTest {
  private static final String CANONICAL = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata:
        name: ledger
        namespace: payments
      spec:
        replicas: 2
        autoscaling:
          max: 5
        workload:
          containers:
            main:
              image: ghcr.io/example/ledger:0.9.4
              variables:
                LEDGER_STORE: /data
                DB_PASSWORD: ${secret.ledger-db.password}
              resources:
                requests: {cpu: 100m, memory: 256Mi}
              livenessProbe:
                httpGet: {path: /healthz, port: 7070}
                initialDelaySeconds: 5
                periodSeconds: 20
          service:
            ports:
              http:
                port: 80
                targetPort: 7070
          resources:
            payment-service:
              direction: inbound
            audit-log:
              type: external-service
              direction: outbound
              params:
                endpoints:
                  api: https://audit.example.com
            ledger-db:
              type: secret
              params:
                keys: [password]
      """;

  private static final String FLAT = """
      apiVersion: lattice.dev/v1alpha1
      kind: LatticeService
      metadata:
        name: ledger
        namespace: payments
      spec:
        replicas:
          min: 2
          max: 5
        containers:
          main:
            image: ghcr.io/example/ledger:0.9.4
            variables:
              LEDGER_STORE: /data
              DB_PASSWORD: ${secret.ledger-db.password}
            resources:
              requests: {cpu: 100m, memory: 256Mi}
            livenessProbe:
              httpGet: {path: /healthz, port: 7070}
              initialDelaySeconds: 5
              periodSeconds: 20
        service:
          ports:
            http:
              port: 80
              targetPort: 7070
        resources:
          payment-service:
            direction: inbound
          audit-log:
            type: external-service
            direction: outbound
            params:
              endpoints:
                api: https://audit.example.com
          ledger-db:
            type: secret
            params:
              keys: [password]
      """;

  private static final String SNAKE_CASE = """
      apiVersion: lattice.io/v1alpha1
      kind: LatticeService
      metadata:
        name: ledger
        namespace: payments
      spec:
        replicas:
          min: 2
          max: 5
        containers:
          main:
            image: ghcr.io/example/ledger:0.9.4
            variables:
              LEDGER_STORE: /data
              DB_PASSWORD: ${secret.ledger-db.password}
            resources:
              requests: {cpu: 100m, memory: 256Mi}
            liveness_probe:
              http_get: {path: /healthz, port: 7070}
              initial_delay_seconds: 5
              period_seconds: 20
        service:
          ports:
            http:
              port: 80
              target_port: 7070
        resources:
          payment-service:
            direction: inbound
          audit-log:
            type: external_service
            direction: outbound
            params:
              endpoints:
                api: https://audit.example.com
          ledger-db:
            type: secret
            params:
              keys: [password]
      """;

  private final LatticeReader reader = new LatticeReader();

  @Test
  void canonicalFormReadsCleanly() {
    ReadResult canonical = reader.readString("canonical.yaml", CANONICAL);
    assertThat(canonical.diagnostics()).as(render(canonical)).isEmpty();
    LatticeService service = (LatticeService) only(canonical);
    assertThat(service.spec().replicas()).isEqualTo(2);
    assertThat(service.spec().maxReplicas()).isEqualTo(5);
    assertThat(service.spec().workload().service().orElseThrow().ports().get("http").effectiveTargetPort()).isEqualTo(7070);
    assertThat(service.spec().workload().resources().get("payment-service").direction()).isEqualTo(Direction.INBOUND);
    assertThat(service.spec().workload().resources().get("audit-log").type()).isEqualTo("external-service");
  }

  @Test
  void flatCamelCaseFormEqualsCanonical() {
    ReadResult flat = reader.readString("flat.yaml", FLAT);
    assertThat(flat.hasErrors()).as(render(flat)).isFalse();
    assertThat(only(flat)).isEqualTo(only(reader.readString("canonical.yaml", CANONICAL)));
    assertThat(flat.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Codes.FLAT_FORM);
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("spec.workload.containers", "autoscaling"));
    });
  }

  @Test
  void snakeCaseFormEqualsCanonical() {
    ReadResult snake = reader.readString("snake.yaml", SNAKE_CASE);
    assertThat(snake.hasErrors()).as(render(snake)).isFalse();
    assertThat(only(snake)).isEqualTo(only(reader.readString("canonical.yaml", CANONICAL)));
    assertThat(snake.diagnostics()).extracting(Diagnostic::code)
        .containsExactlyInAnyOrder(Codes.SNAKE_CASE_FORM, Codes.FLAT_FORM);
    assertThat(snake.diagnostics()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    assertThat(snake.diagnostics()).filteredOn(d -> d.code().equals(Codes.SNAKE_CASE_FORM)).singleElement()
        .satisfies(d -> assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("lattice.dev/v1alpha1")));
  }

  @Test
  void allThreeFormsAreEqualToEachOther() {
    List<LatticeObject> values = List.of(CANONICAL, FLAT, SNAKE_CASE).stream()
        .map(text -> only(reader.readString("form.yaml", text))).toList();
    assertThat(values).containsOnly(values.get(0));
    assertThat(values.get(0).hashCode()).isEqualTo(values.get(2).hashCode());
  }

  private static LatticeObject only(ReadResult result) {
    assertThat(result.objects()).as(render(result)).hasSize(1);
    return result.objects().get(0).object();
  }

  private static String render(ReadResult result) {
    return result.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
  }
}
