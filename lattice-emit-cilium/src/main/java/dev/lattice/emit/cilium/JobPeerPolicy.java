package dev.lattice.emit.cilium;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.document.ObjectNames;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.JobPlan;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.emit.cilium.CiliumRules.L4Port;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code job-peers-<job>}: the pods of one job's tasks reach each other, in and out, and nothing
 * else changes (every other edge stays bilateral, in each task's own policy). Distributed training
 * opens every port between them: NCCL and gloo connect ranks to each other on ports picked at run
 * time, beyond the rendezvous port (NVIDIA/nccl#388, pytorch/gloo#54). Any other job opens its
 * tasks' declared ports (over HBONE, 15008, when every task is in the ambient mesh, as an agreed
 * edge does); a job that declares none and does not train gets no peer policy.
 */
final class JobPeerPolicy {
  private JobPeerPolicy() {}

  static Optional<Document> of(FleetPlan plan, JobPlan job) {
    List<MemberPlan> tasks = job.tasks().stream().map(t -> plan.member(t.workload())).flatMap(Optional::stream).toList();
    Optional<List<L4Port>> ports = ports(job, tasks);
    if (ports.isPresent() && ports.get().isEmpty()) {
      return Optional.empty();
    }
    String name = ObjectNames.bounded("job-peers-" + job.ref().name());
    return Optional.of(Json.document(MemberPolicy.API_VERSION, MemberPolicy.KIND, Optional.of(job.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, ObjectNames.bounded(job.ref().name())), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("endpointSelector").set("matchLabels", Json.sortedMap(Map.of(Json.JOB_LABEL, job.ref().name())));
          spec.set("enableDefaultDeny", CiliumRules.defaultDeny());
          ObjectNode in = Json.object();
          in.set("fromEndpoints", CiliumRules.single(peers(job)));
          ports.ifPresent(p -> in.set("toPorts", CiliumRules.toPorts(p)));
          spec.set("ingress", CiliumRules.single(in));
          ObjectNode out = Json.object();
          out.set("toEndpoints", CiliumRules.single(peers(job)));
          ports.ifPresent(p -> out.set("toPorts", CiliumRules.toPorts(p)));
          spec.set("egress", CiliumRules.single(out));
        }));
  }

  /** The ports peers use: empty Optional for every port (training), else the tasks' ports as an edge opens them. */
  private static Optional<List<L4Port>> ports(JobPlan job, List<MemberPlan> tasks) {
    if (job.training()) {
      return Optional.empty();
    }
    boolean ambient = !tasks.isEmpty() && tasks.stream().allMatch(MemberPlan::ambient);
    TreeSet<L4Port> ports = new TreeSet<>();
    for (MemberPlan task : tasks) {
      for (L4Port p : CiliumRules.targetPorts(task)) {
        if (ambient && p.isTcp()) {
          ports.add(L4Port.tcp(CiliumRules.HBONE_PORT));
        } else {
          ports.add(p);
        }
      }
    }
    return Optional.of(List.copyOf(ports));
  }

  private static ObjectNode peers(JobPlan job) {
    TreeMap<String, String> labels = new TreeMap<>();
    labels.put(Json.JOB_LABEL, job.ref().name());
    labels.put(CiliumRules.NAMESPACE_LABEL, job.ref().namespace());
    ObjectNode selector = Json.object();
    selector.set("matchLabels", Json.sortedMap(labels));
    return selector;
  }
}
