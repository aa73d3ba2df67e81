package dev.lattice.compiler.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The index (with memo) answers exactly as the native engine: over random policy sets and random
 * requests, {@link CedarEngine#authorize} equals {@link CedarEngine#authorizeByEngine} in decision,
 * deciding policies and reason. Replay a failure with {@code -Dlattice.seed=N}.
 */
class IndexDifferentialTest {
  private static final int SETS = 150;
  private static final int REQUESTS = 60;

  @Test
  void indexAgreesWithTheEngine() {
    long seed = Long.getLong("lattice.seed", 20261123L);
    SplittableRandom random = new SplittableRandom(seed);
    long questions = 0;
    long policies = 0;
    long dropped = 0;
    long allowed = 0;
    long forbidden = 0;
    long[] before = {0, 0};
    long fromIndex = 0;
    long fromEngine = 0;
    for (int set = 0; set < SETS; set++) {
      RandomPolicies gen = new RandomPolicies(random.split());
      List<String> docs = new ArrayList<>();
      int size = 1 + random.nextInt(12);
      for (int doc = 0; doc < 1 + random.nextInt(3); doc++) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size; i++) {
          text.append(gen.policy()).append('\n');
        }
        docs.add(Policies.document("set" + set + "-" + doc, text.toString()));
      }
      Diagnostics d = new Diagnostics();
      CedarEngine engine = CedarEngine.from(Policies.read("random.yaml", docs.toArray(String[]::new)), d);
      assertThat(d.sorted()).as("seed %d: generated policies are Cedar", seed)
          .noneMatch(x -> x.code().equals(dev.lattice.model.diagnostics.Codes.CEDAR_SYNTAX));
      dropped += d.sorted().stream().filter(Diagnostic::isError).count();
      policies += engine.policyCount();
      for (int q = 0; q < REQUESTS; q++) {
        GateRequest r = gen.request();
        before = engine.counts();
        Decision fast = engine.authorize(r);
        long[] after = engine.counts();
        fromIndex += after[0] - before[0];
        fromEngine += after[1] - before[1];
        Decision reference = engine.authorizeByEngine(r);
        if (!fast.equals(reference)) {
          throw new AssertionError("index and engine disagree (replay with -Dlattice.seed=" + seed + ")\n  request: "
              + r + "\n  index:   " + fast + "\n  engine:  " + reference + "\n  policies:\n" + String.join("---\n", docs));
        }
        questions++;
        allowed += fast.allowed() ? 1 : 0;
        forbidden += !fast.allowed() && !fast.defaultDeny() ? 1 : 0;
      }
    }
    System.out.printf("index differential seed=%d: %d policy sets, %d policies in force (%d dropped as invalid), "
            + "%d questions (%d allowed, %d forbidden, %d default deny); index decided %d, engine %d, memo %d%n",
        seed, SETS, policies, dropped, questions, allowed, forbidden, questions - allowed - forbidden,
        fromIndex, fromEngine, questions - fromIndex - fromEngine);
    assertThat(fromIndex).as("the index decides most questions").isGreaterThan(questions / 3);
    assertThat(fromEngine).as("the engine is exercised too").isGreaterThan(questions / 20);
    assertThat(allowed).isPositive();
    assertThat(forbidden).isPositive();
  }
}
