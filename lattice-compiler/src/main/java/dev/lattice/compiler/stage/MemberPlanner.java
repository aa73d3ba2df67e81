package dev.lattice.compiler.stage;

import dev.lattice.compiler.document.Json;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.PortPlan;
import dev.lattice.model.LatticeMeshMember;
import dev.lattice.model.LatticeService;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import dev.lattice.model.mesh.LatticeMeshMemberSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Lowers every workload kind to a {@link MemberPlan}: identity, selector, ports. */
final class MemberPlanner {
  private MemberPlanner() {}

  static Map<ObjectRef, MemberPlan> plan(ObjectIndex index, Diagnostics diagnostics) {
    Map<ObjectRef, MemberPlan> members = new TreeMap<>();
    index.services.forEach((ref, s) -> members.put(ref, service(ref, s)));
    index.meshMembers.forEach((ref, s) -> members.put(ref, meshMember(ref, s, diagnostics)));
    return members;
  }

  private static MemberPlan service(ObjectRef ref, SourcedObject s) {
    LatticeService svc = (LatticeService) s.object();
    List<PortPlan> ports = new ArrayList<>();
    svc.spec().workload().service().ifPresent(p -> p.ports().forEach((name, port) ->
        ports.add(new PortPlan(name, port.port(), port.effectiveTargetPort(), port.protocol().wire()))));
    ports.sort(Comparator.comparing(PortPlan::name));
    return new MemberPlan(ref, MemberPlan.Origin.SERVICE, ref.name(), new TreeMap<>(Map.of(Json.SERVICE_LABEL, ref.name())),
        true, ports, s);
  }

  private static MemberPlan meshMember(ObjectRef ref, SourcedObject s, Diagnostics diagnostics) {
    LatticeMeshMemberSpec spec = ((LatticeMeshMember) s.object()).spec();
    spec.target().namespace().filter(ns -> !ns.equals(ref.namespace())).ifPresent(ns -> diagnostics.add(
        Diagnostic.error(Codes.INVALID_VALUE, "target.namespace '" + ns + "' differs from the member's namespace '"
            + ref.namespace() + "'", "create the LatticeMeshMember in namespace " + ns,
            s.sources().valueAt("spec.target.namespace"), "spec.target.namespace")));
    List<PortPlan> ports = new ArrayList<>();
    spec.ports().forEach(p -> ports.add(new PortPlan(p.name(), p.port(), p.port(), "TCP")));
    ports.sort(Comparator.comparing(PortPlan::name));
    TreeMap<String, String> selector = new TreeMap<>(spec.target().selector().map(x -> x.labels()).orElse(Map.of()));
    return new MemberPlan(ref, MemberPlan.Origin.MESH_MEMBER, spec.serviceAccount().orElse(ref.name()), selector,
        spec.ambient(), ports, s);
  }
}
