package dev.lattice.compiler.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Measures (prints, never asserts) the gate questions of a 10k-service fleet: 40,000 distinct
 * questions over 200 policies shaped like real ones (per-service overrides and endpoints,
 * namespace-wide secrets, namespace-conditioned wildcards, global forbids, and a few policies with
 * conditions only the engine decides, scoped to one namespace). Run alone with
 * {@code -Dtest=GateThroughputTest}.
 */
class GateThroughputTest {
  private static final int NAMESPACES = 50;
  private static final int SERVICES = 10_000;

  @Test
  void fortyThousandQuestionsOverTwoHundredPolicies() {
    SplittableRandom random = new SplittableRandom(Long.getLong("lattice.seed", 20261123L));
    StringBuilder text = new StringBuilder();
    int count = 0;
    for (int i = 0; i < 150; i++, count++) {
      String svc = "ns" + random.nextInt(NAMESPACES) + "/svc" + random.nextInt(SERVICES);
      text.append(i % 2 == 0
          ? Policies.permit(svc, Gate.OVERRIDE_SECURITY, "capability:NET_ADMIN")
          : Policies.permit(svc, Gate.ACCESS_EXTERNAL_ENDPOINT, "api.example.com:443")).append('\n');
    }
    for (int i = 0; i < 30; i++, count++) {
      text.append("permit(principal in Lattice::Namespace::\"ns").append(i)
          .append("\", action == Lattice::Action::\"AccessSecret\", resource);\n");
    }
    for (int i = 0; i < 10; i++, count++) {
      text.append("permit(principal, action == Lattice::Action::\"AllowWildcard\", resource == Lattice::Mesh::\"advertise\")"
          + " when { principal.namespace == \"ns").append(i).append("\" };\n");
    }
    for (int i = 0; i < 5; i++, count++) {
      text.append("forbid(principal, action == Lattice::Action::\"AccessExternalEndpoint\","
          + " resource == Lattice::ExternalEndpoint::\"evil").append(i).append(".example:443\");\n");
    }
    for (int i = 0; i < 5; i++, count++) {
      text.append("permit(principal in Lattice::Namespace::\"ns49\", action == Lattice::Action::\"AccessSecret\","
          + " resource) when { principal.name like \"svc").append(i).append("*\" };\n");
    }
    List<GateRequest> questions = new ArrayList<>();
    for (int s = 0; s < SERVICES; s++) {
      String ns = "ns" + (s % NAMESPACES);
      String name = "svc" + s;
      questions.add(GateRequest.of(ns, name, "LatticeService", Gate.ACCESS_SECRET, "vault:" + name + "/db"));
      questions.add(GateRequest.of(ns, name, "LatticeService", Gate.OVERRIDE_SECURITY, "capability:NET_ADMIN"));
      questions.add(GateRequest.of(ns, name, "LatticeService", Gate.ACCESS_EXTERNAL_ENDPOINT, "api.example.com:443"));
      questions.add(GateRequest.of(ns, name, "LatticeService", Gate.ALLOW_WILDCARD, "advertise"));
    }
    // the first run is what one compilation in a fresh JVM pays; the second shows a warm JVM
    for (String run : List.of("cold", "warm")) {
      Diagnostics d = new Diagnostics();
      long t0 = System.nanoTime();
      CedarEngine engine = CedarEngine.from(Policies.read("fleet.yaml", Policies.document("fleet", text.toString())), d);
      long built = System.nanoTime();
      assertThat(d.sorted()).isEmpty();
      assertThat(engine.policyCount()).isEqualTo(count).isEqualTo(200);
      int allowed = 0;
      long engineNanos = 0;
      for (GateRequest q : questions) {
        long a = System.nanoTime();
        allowed += engine.authorize(q).allowed() ? 1 : 0;
        if (q.namespace().equals("ns49") && q.gate() == Gate.ACCESS_SECRET) {
          engineNanos += System.nanoTime() - a;
        }
      }
      long t2 = System.nanoTime();
      for (GateRequest q : questions) {
        engine.authorize(q);
      }
      long t3 = System.nanoTime();
      long[] counts = engine.counts();
      System.out.printf("gate throughput (%s JVM): %d policies built in %.1f ms; %d distinct questions in %.1f ms"
              + " (%d allowed): index decided %d in %.1f ms, engine %d in %.1f ms; all asked again (memo) in %.1f ms%n",
          run, count, (built - t0) / 1e6, questions.size(), (t2 - built) / 1e6, allowed, counts[0],
          (t2 - built - engineNanos) / 1e6, counts[1], engineNanos / 1e6, (t3 - t2) / 1e6);
      assertThat(counts[0] + counts[1]).isEqualTo(questions.size());
    }
  }
}
