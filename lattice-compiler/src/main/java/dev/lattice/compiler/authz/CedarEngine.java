package dev.lattice.compiler.authz;

import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Cedar gates of one compilation. Built once from the input's enabled {@code CedarPolicy}
 * documents ({@link #from}); problems in them are {@code LAT3001}/{@code LAT3002} diagnostics.
 * {@link #authorize} answers with Cedar's semantics (default deny; a satisfied {@code forbid} beats
 * every {@code permit}); the documents' order and priorities never change an answer (priority only
 * orders {@link Decision#decidedBy()}).
 *
 * <p>Answers come, in order of cost, from a memo of identical requests, from the {@link ScopeIndex}
 * when only policies it can decide match, and otherwise from the native engine with the policy set
 * parsed and cached once. Thread-safe.
 */
public final class CedarEngine {
  private static final Comparator<ScopeRule> ORDER =
      Comparator.comparingInt((ScopeRule r) -> -r.priority()).thenComparing(ScopeRule::label);

  private static final Decision NO_PERMIT = Decision.noPermit();

  private final Map<String, ScopeRule> rules = new HashMap<>();
  private final ScopeIndex index;
  private final EngineCall engine;
  private final Map<GateRequest, Decision> memo = new ConcurrentHashMap<>();
  private final LongAdder fromIndex = new LongAdder();
  private final LongAdder fromEngine = new LongAdder();

  private CedarEngine(List<PolicyLoader.Loaded> loaded) {
    List<ScopeRule> list = new ArrayList<>();
    for (PolicyLoader.Loaded l : loaded) {
      rules.put(l.rule().label(), l.rule());
      list.add(l.rule());
    }
    this.index = new ScopeIndex(list);
    this.engine = new EngineCall(loaded.stream().map(PolicyLoader.Loaded::policy).toList());
  }

  /**
   * The gates for the {@code CedarPolicy} objects among {@code objects} (other kinds and disabled
   * policies are ignored); every problem in them is added to {@code diagnostics}.
   */
  public static CedarEngine from(Collection<SourcedObject> objects, Diagnostics diagnostics) {
    return new CedarEngine(PolicyLoader.load(objects, diagnostics));
  }

  /** The number of policies in force (valid, enabled). */
  public int policyCount() {
    return rules.size();
  }

  /** Whether {@code request} is allowed, and which policies decided. Identical requests are answered once. */
  public Decision authorize(GateRequest request) {
    Decision d = memo.get(request);
    return d != null ? d : memo.computeIfAbsent(request, this::decide);
  }

  private Decision decide(GateRequest request) {
    RequestKeys keys = RequestKeys.of(request);
    List<ScopeRule> matching = index.matching(keys);
    List<ScopeRule> permits = new ArrayList<>(matching.size());
    List<ScopeRule> forbids = new ArrayList<>(0);
    for (ScopeRule r : matching) {
      if (r.opaque()) {
        return authorizeByEngine(request);
      }
      if (r.condition().orElseThrow().test(request)) {
        (r.permit() ? permits : forbids).add(r);
      }
    }
    fromIndex.increment();
    if (!forbids.isEmpty()) {
      return Decision.forbid(labels(forbids));
    }
    return permits.isEmpty() ? NO_PERMIT : Decision.permit(labels(permits));
  }

  /**
   * Whether the cluster gate is on: some policy in force names {@code ProvisionCluster} in its
   * action scope. A policy set that never names it leaves clusters ungated, as before the gate.
   */
  public boolean gatesClusters() {
    String action = EntityConstraint.uid(RequestKeys.ACTION_TYPE, ClusterRequest.ACTION);
    return rules.values().stream().anyMatch(r -> r.action().entities().map(s -> s.contains(action)).orElse(false));
  }

  /** The cluster gate's answer, from the native engine (the index knows only service principals). */
  public Decision authorize(ClusterRequest request) {
    return decision(engine.authorize(request));
  }

  /** The native engine's answer, bypassing memo and index: the reference the index is tested against. */
  Decision authorizeByEngine(GateRequest request) {
    fromEngine.increment();
    return decision(engine.authorize(request));
  }

  private Decision decision(EngineCall.Answer a) {
    List<ScopeRule> reasons = new ArrayList<>();
    for (String label : a.reasons()) {
      ScopeRule r = rules.get(label);
      if (r != null) {
        reasons.add(r);
      }
    }
    if (a.allowed()) {
      return Decision.permit(labels(reasons));
    }
    if (!reasons.isEmpty()) {
      return Decision.forbid(labels(reasons));
    }
    return a.errors().isEmpty() ? NO_PERMIT
        : new Decision(false, NO_PERMIT.decidedBy(), NO_PERMIT.reason() + "; errors: " + String.join("; ", a.errors()));
  }

  private static List<String> labels(List<ScopeRule> rs) {
    if (rs.size() == 1) {
      return List.of(rs.get(0).label());
    }
    return rs.stream().sorted(ORDER).map(ScopeRule::label).toList();
  }

  /** How many questions the index and the engine decided (memo hits count for neither). */
  long[] counts() {
    return new long[] {fromIndex.sum(), fromEngine.sum()};
  }
}
