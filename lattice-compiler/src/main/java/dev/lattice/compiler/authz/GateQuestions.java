package dev.lattice.compiler.authz;

import dev.lattice.compiler.plan.ExternalEdgePlan;
import dev.lattice.compiler.plan.ExternalPlan;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.SecretPlan;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.LatticeExternalService;
import dev.lattice.model.LatticeMeshMember;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.PathSyntax;
import dev.lattice.model.SourceMap;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.mesh.Endpoint;
import dev.lattice.model.service.ContainerSpec;
import dev.lattice.model.service.LatticeServiceSpec;
import dev.lattice.model.service.ProbeSpec;
import dev.lattice.model.service.ResourceSpec;
import dev.lattice.model.service.SecuritySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every gate question a plan asks, in a stable order. Resource ids: secrets {@code
 * <store>:<remote key>}; volumes {@code <namespace>/<id>}; overrides {@code capability:<CAP>},
 * {@code privileged}, {@code runAsRoot}, {@code allowPrivilegeEscalation}, {@code
 * readWriteRootFilesystem}, {@code apparmor:<profile>}, {@code seccomp:<profile>}, {@code
 * shareProcessNamespace}, {@code automountServiceAccountToken}, {@code allowedBinary:<path or *>}
 * (binaries beyond each container's command and exec probes); endpoints {@code host:port};
 * images the image reference when it has no {@code @sha256:} digest; wildcards {@code inbound}
 * ({@code "*"} callers) and {@code advertise}. The principal's {@code kind} is its object's kind:
 * a job's task asks as {@code LatticeJob} (named {@code <job>-<task>}), a model's role as {@code
 * LatticeModel} (named {@code <model>-<role>}, its workers {@code <model>-<role>-worker}).
 */
final class GateQuestions {
  private final List<AskedGate> out = new ArrayList<>();

  static List<AskedGate> of(FleetPlan plan) {
    GateQuestions q = new GateQuestions();
    // a workload's questions (each with the position of what it asks about) depend on it alone: at
    // once, then in workload order
    new ArrayList<>(plan.workloads().values()).parallelStream().map(w -> {
      GateQuestions own = new GateQuestions();
      own.workload(w, plan.kindOf(w.ref()));
      return own.out;
    }).toList().forEach(q.out::addAll);
    plan.members().values().stream().filter(m -> m.origin() == MemberPlan.Origin.MESH_MEMBER).forEach(q::meshMember);
    plan.externalEdges().forEach(e -> q.external(plan, e));
    plan.externals().values().stream().filter(e -> e.inlineOwner().isEmpty()).forEach(e -> q.externalWildcard(plan, e));
    return q.out;
  }

  private void workload(WorkloadPlan w, String kind) {
    LatticeServiceSpec spec = w.service().spec();
    SourceMap src = w.source().sources();
    for (SecretPlan s : w.secrets().values()) {
      ask(w.ref(), kind, Gate.ACCESS_SECRET, s.store() + ":" + s.remoteKey(), src,
          PathSyntax.child("spec.workload.resources", s.resource()));
    }
    spec.workload().resources().forEach((name, r) -> {
      if (ResourceSpec.VOLUME.equals(r.type()) && r.id().isPresent() && !r.params().containsKey("size")) {
        ObjectRef volume = r.target(w.ref().namespace(), name);
        ask(w.ref(), kind, Gate.ACCESS_VOLUME, volume.toString(), src, PathSyntax.child("spec.workload.resources", name));
      }
    });
    overrides(w, kind, "spec.workload.containers", spec.workload().containers());
    overrides(w, kind, "spec.sidecars", spec.sidecars());
    spec.shareProcessNamespace().filter(Boolean::booleanValue).ifPresent(v ->
        ask(w.ref(), kind, Gate.OVERRIDE_SECURITY, "shareProcessNamespace", src, "spec.shareProcessNamespace"));
    spec.automountServiceAccountToken().filter(Boolean::booleanValue).ifPresent(v ->
        ask(w.ref(), kind, Gate.OVERRIDE_SECURITY, "automountServiceAccountToken", src, "spec.automountServiceAccountToken"));
    images(w, kind, "spec.workload.containers", spec.workload().containers());
    images(w, kind, "spec.sidecars", spec.sidecars());
    spec.advertise().filter(a -> a.allowedServices().contains("*")).ifPresent(a ->
        ask(w.ref(), kind, Gate.ALLOW_WILDCARD, "advertise", src, "spec.advertise.allowedServices"));
  }

  private void overrides(WorkloadPlan w, String kind, String base, Map<String, ContainerSpec> containers) {
    SourceMap src = w.source().sources();
    containers.forEach((name, c) -> c.security().ifPresent(s -> {
      String path = PathSyntax.child(base, name) + ".security";
      for (String id : overrideIds(s, derivedBinaries(c))) {
        ask(w.ref(), kind, Gate.OVERRIDE_SECURITY, id, src, path);
      }
    }));
  }

  static List<String> overrideIds(SecuritySpec s, Set<String> derivedBinaries) {
    Set<String> ids = new TreeSet<>();
    s.capabilities().forEach(c -> ids.add("capability:" + c.toUpperCase(java.util.Locale.ROOT).replaceFirst("^CAP_", "")));
    s.privileged().filter(Boolean::booleanValue).ifPresent(v -> ids.add("privileged"));
    if (s.runAsUser().map(u -> u == 0).orElse(false) || !s.runAsNonRoot().orElse(true)) {
      ids.add("runAsRoot");
    }
    s.allowPrivilegeEscalation().filter(Boolean::booleanValue).ifPresent(v -> ids.add("allowPrivilegeEscalation"));
    s.readOnlyRootFilesystem().filter(v -> !v).ifPresent(v -> ids.add("readWriteRootFilesystem"));
    s.apparmorProfile().filter(p -> !isRuntimeDefault(p)).ifPresent(p -> ids.add("apparmor:" + p));
    s.seccompProfile().filter(p -> !isRuntimeDefault(p)).ifPresent(p -> ids.add("seccomp:" + p));
    s.allowedBinaries().stream().filter(b -> !derivedBinaries.contains(b)).forEach(b -> ids.add("allowedBinary:" + b));
    return List.copyOf(ids);
  }

  private static boolean isRuntimeDefault(String p) {
    return p.equalsIgnoreCase("RuntimeDefault") || p.equalsIgnoreCase("runtime/default");
  }

  /** The binaries a container runs by its own declaration: its command and exec probes. */
  static Set<String> derivedBinaries(ContainerSpec c) {
    Set<String> out = new TreeSet<>();
    if (!c.command().isEmpty()) {
      out.add(c.command().get(0));
    }
    for (var probe : List.of(c.livenessProbe(), c.readinessProbe(), c.startupProbe())) {
      probe.flatMap(ProbeSpec::exec).filter(e -> !e.command().isEmpty()).ifPresent(e -> out.add(e.command().get(0)));
    }
    return out;
  }

  private void images(WorkloadPlan w, String kind, String base, Map<String, ContainerSpec> containers) {
    containers.forEach((name, c) -> {
      if (!c.image().contains("@sha256:")) {
        ask(w.ref(), kind, Gate.SKIP_IMAGE_VERIFICATION, c.image(), w.source().sources(), PathSyntax.child(base, name) + ".image");
      }
    });
  }

  private void meshMember(MemberPlan m) {
    LatticeMeshMember member = (LatticeMeshMember) m.source().object();
    for (int i = 0; i < member.spec().allowedCallers().size(); i++) {
      if (member.spec().allowedCallers().get(i).name().equals("*")) {
        ask(m.ref(), "LatticeMeshMember", Gate.ALLOW_WILDCARD, "inbound", m.source().sources(), "spec.allowedCallers[" + i + "]");
      }
    }
  }

  private void external(FleetPlan plan, ExternalEdgePlan e) {
    ExternalPlan external = plan.externals().get(e.external());
    MemberPlan caller = plan.members().get(e.caller());
    String kind = caller.origin() == MemberPlan.Origin.MESH_MEMBER ? "LatticeMeshMember"
        : plan.kindOf(e.caller());
    Set<String> ids = new TreeSet<>();
    for (Endpoint endpoint : external.endpoints().values()) {
      ids.add(endpoint.host() + ":" + (endpoint.port() == 0 ? "*" : String.valueOf(endpoint.port())));
    }
    ids.forEach(id -> ask(e.caller(), kind, Gate.ACCESS_EXTERNAL_ENDPOINT, id, caller.source().sources(), e.declaration().path()));
  }

  private void externalWildcard(FleetPlan plan, ExternalPlan e) {
    if (e.source().isEmpty()) {
      return;
    }
    SourcedObject s = e.source().get();
    List<String> requesters = ((LatticeExternalService) s.object()).spec().allowedRequesters();
    for (int i = 0; i < requesters.size(); i++) {
      if (requesters.get(i).equals("*")) {
        ask(e.ref(), "LatticeExternalService", Gate.ALLOW_WILDCARD, "inbound", s.sources(), "spec.allowedRequesters[" + i + "]");
      }
    }
  }

  private void ask(ObjectRef owner, String kind, Gate gate, String resource, SourceMap src, String path) {
    out.add(new AskedGate(GateRequest.of(owner.namespace(), owner.name(), kind, gate, resource), owner, src.valueAt(path), src.pathOf(path)));
  }
}
