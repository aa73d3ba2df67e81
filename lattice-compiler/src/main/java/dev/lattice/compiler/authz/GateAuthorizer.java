package dev.lattice.compiler.authz;

import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.GateOutcome;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.compiler.stage.Authorizer;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.PathSyntax;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.service.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The six Cedar gates (default deny, {@code forbid} beats {@code permit}): every question of
 * {@link GateQuestions} goes to one {@link CedarEngine} built from the input's CedarPolicy documents;
 * a denial is a {@code LAT3003} error at the request and fails its requester, whose documents are
 * then not derived; other services still compile. Shared volumes are also checked against their
 * owner's {@code allowedConsumers}.
 */
public final class GateAuthorizer implements Authorizer {
  /** The engine of the last policy set and what loading it reported: building one costs milliseconds. */
  private volatile Built last;

  private record Built(List<SourcedObject> policies, CedarEngine engine, List<dev.lattice.model.diagnostics.Diagnostic> loaded) {}

  @Override
  public FleetPlan authorize(FleetPlan plan, List<SourcedObject> objects, Diagnostics diagnostics) {
    CedarEngine engine = engineFor(objects, diagnostics);
    List<GateOutcome> outcomes = new ArrayList<>();
    Set<ObjectRef> failed = new TreeSet<>();
    List<AskedGate> questions = GateQuestions.of(plan);
    // the engine is thread-safe and every question independent: answered at once, read in order
    List<Decision> decisions = questions.parallelStream().map(q -> engine.authorize(q.request())).toList();
    for (int i = 0; i < questions.size(); i++) {
      AskedGate asked = questions.get(i);
      Decision d = decisions.get(i);
      GateRequest r = asked.request();
      outcomes.add(new GateOutcome(asked.owner(), r.principal(), r.action(), r.resource(), d.allowed(), d.decidedBy(), d.reason()));
      if (!d.allowed()) {
        diagnostics.add(d.denial(r, asked.position(), asked.path()));
        failed.add(asked.owner());
      }
    }
    failed.addAll(volumeConsumers(plan, diagnostics));
    if (engine.gatesClusters()) {
      clusters(engine, plan, diagnostics);
    }
    return plan.authorized(outcomes, failed);
  }

  /**
   * The engine of the input's CedarPolicy objects: the one built last when they are equal to the
   * last ones (same text, same positions), with the diagnostics loading them gave then.
   */
  private CedarEngine engineFor(List<SourcedObject> objects, Diagnostics diagnostics) {
    List<SourcedObject> policies = objects.stream().filter(o -> o.object().kind() == dev.lattice.model.Kind.CEDAR_POLICY).toList();
    Built b = last;
    if (b == null || !b.policies().equals(policies)) {
      Diagnostics loading = new Diagnostics();
      b = new Built(policies, CedarEngine.from(policies, loading), loading.sorted());
      last = b;
    }
    diagnostics.addAll(b.loaded());
    return b.engine();
  }

  /**
   * The cluster gate for every cluster: a denial is {@code LAT3003} at the cluster's name (the
   * compilation then has errors and writes nothing).
   */
  private static void clusters(CedarEngine engine, FleetPlan plan, Diagnostics diagnostics) {
    for (SourcedObject s : plan.clusters()) {
      ClusterRequest r = ClusterRequest.of((dev.lattice.model.LatticeCluster) s.object());
      Decision d = engine.authorize(r);
      if (!d.allowed()) {
        String hint = d.defaultDeny()
            ? "add a CedarPolicy that permits it, e.g. permit(principal, action == " + r.action()
                + ", resource == " + r.resource() + ");"
            : "a forbid beats every permit; change or disable " + String.join(", ", d.decidedBy());
        diagnostics.add(Diagnostic.error(Codes.DENIED, r + " denied: " + d.reason(), hint,
            s.sources().valueAt("metadata.name"), s.sources().pathOf("metadata.name")));
      }
    }
  }

  /** A service using another's shared volume must be listed in the owner's {@code allowedConsumers}. */
  private static Set<ObjectRef> volumeConsumers(FleetPlan plan, Diagnostics diagnostics) {
    Map<ObjectRef, Owner> owners = new TreeMap<>();
    List<Consumer> consumers = new ArrayList<>();
    for (WorkloadPlan w : plan.workloads().values()) { // one walk: owners and consumers of shared volumes
      w.service().spec().workload().resources().forEach((name, r) -> {
        if (ResourceSpec.VOLUME.equals(r.type()) && r.id().isPresent()) {
          if (r.params().containsKey("size")) {
            owners.put(r.target(w.ref().namespace(), name), new Owner(w.ref(), r));
          } else {
            consumers.add(new Consumer(w, name, r));
          }
        }
      });
    }
    Set<ObjectRef> failed = new TreeSet<>();
    for (Consumer c : consumers) {
      WorkloadPlan w = c.workload();
      ObjectRef volume = c.resource().target(w.ref().namespace(), c.name());
      Owner owner = owners.get(volume);
      String path = PathSyntax.child("spec.workload.resources", c.name());
      if (owner == null) {
        diagnostics.add(Diagnostic.error(Codes.DENIED, w.ref() + " uses shared volume " + volume + ", which no service owns in this input",
            "the owner declares the volume with params.size and lists its consumers in params.allowedConsumers",
            w.source().sources().keyAt(path), w.source().sources().pathOf(path)));
        failed.add(w.ref());
      } else if (!owner.allows(w.ref())) {
        diagnostics.add(Diagnostic.error(Codes.DENIED, w.ref() + " uses shared volume " + volume + ", but its owner "
                + owner.service() + " does not list it in allowedConsumers",
            "add " + w.ref().name() + " to params.allowedConsumers of " + owner.service(), w.source().sources().keyAt(path), w.source().sources().pathOf(path)));
        failed.add(w.ref());
      }
    }
    return failed;
  }

  /** A shared volume used by a service that does not own it. */
  private record Consumer(WorkloadPlan workload, String name, ResourceSpec resource) {}

  private record Owner(ObjectRef service, ResourceSpec resource) {
    boolean allows(ObjectRef consumer) {
      Object list = resource.params().get("allowedConsumers");
      return list instanceof List<?> l && l.stream().map(String::valueOf)
          .anyMatch(c -> ObjectRef.parse(c, service.namespace()).equals(consumer));
    }
  }
}
