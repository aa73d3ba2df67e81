package dev.lattice.emit.istio;

import dev.lattice.document.ObjectNames;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.EdgePlan;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.plan.JobPlan;
import dev.lattice.compiler.plan.ModelPlan;
import dev.lattice.compiler.platform.Kthena;
import dev.lattice.compiler.plan.MemberPlan;
import dev.lattice.compiler.plan.PortPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The L7 identity layer enforced by ztunnel: per ambient member an ALLOW policy naming its agreed
 * ambient callers' principals and its TCP target ports, and the mesh-wide deny-all and STRICT mTLS.
 */
final class AuthorizationPolicies {
  static final String SECURITY = "security.istio.io/v1";
  static final String AUTHORIZATION_POLICY = "AuthorizationPolicy";
  static final String PEER_AUTHENTICATION = "PeerAuthentication";
  static final String ROOT_NAMESPACE = "istio-system";
  static final String DENY_ALL = "lattice-deny-all";

  private final FleetPlan plan;
  private final String trustDomain;

  AuthorizationPolicies(FleetPlan plan, String trustDomain) {
    this.plan = plan;
    this.trustDomain = trustDomain;
  }

  /**
   * {@code allow-to-<member>}: one rule from the principals of the member's agreed ambient callers
   * to its TCP target ports, one from its namespace's ingress gateway to the ports its routes send
   * to, and one from plaintext callers ({@code notPrincipals: ["*"]}) to the TCP
   * ports its ways in from outside the mesh open. Without such a caller or port the policy has no rules, which allows
   * nothing: the member is explicitly closed, as the mesh-wide deny-all already has it.
   */
  Document allowTo(MemberPlan member) {
    String name = ObjectNames.bounded("allow-to-" + member.ref().name());
    return Json.document(SECURITY, AUTHORIZATION_POLICY, Optional.of(member.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, ObjectNames.bounded(member.ref().name())), body -> {
          ObjectNode spec = body.putObject("spec");
          if (!member.selector().isEmpty()) {
            spec.putObject("selector").set("matchLabels", Json.sortedMap(member.selector()));
          }
          spec.put("action", "ALLOW");
          TreeSet<String> principals = new TreeSet<>();
          for (EdgePlan edge : plan.edgesInto(member.ref())) {
            plan.member(edge.caller()).filter(MemberPlan::ambient).ifPresent(c -> principals.add(c.principal(trustDomain)));
          }
          List<String> ports = tcpTargetPorts(member);
          List<String> opened = member.openedTcpPorts().stream().map(String::valueOf).toList();
          if (!principals.isEmpty() && !ports.isEmpty()) {
            ObjectNode rule = spec.withArray("rules").addObject();
            rule.putArray("from").addObject().putObject("source").set("principals", Json.strings(principals));
            rule.putArray("to").addObject().putObject("operation").set("ports", Json.strings(ports));
          }
          plan.gateway(member.ref().namespace()).filter(g -> !member.routes().isEmpty()).ifPresent(gateway -> {
            // the gateway is not captured by ztunnel but sends HBONE to ambient pods, with its own
            // identity (istio/istio pilot/pkg/features/ambient.go PILOT_ENABLE_SENDING_HBONE, istio/istio#43587)
            ObjectNode rule = spec.withArray("rules").addObject();
            rule.putArray("from").addObject().putObject("source").set("principals",
                Json.strings(List.of(gateway.principal(trustDomain))));
            rule.putArray("to").addObject().putObject("operation").set("ports",
                Json.strings(member.routedTcpPorts().stream().map(String::valueOf).toList()));
          });
          if (!opened.isEmpty()) {
            // plaintext from outside the mesh has no principal, and an mTLS-only field compares an empty
            // value then (https://istio.io/latest/news/security/istio-security-2021-004/): notPrincipals "*"
            // matches plaintext alone, so an in-mesh caller without an agreement is not let in at L7; ztunnel
            // evaluates it (istio/ztunnel proto/authorization.proto: Match.not_principals, "*" as StringMatch.presence)
            ObjectNode rule = spec.withArray("rules").addObject();
            rule.putArray("from").addObject().putObject("source").set("notPrincipals", Json.strings(List.of("*")));
            rule.putArray("to").addObject().putObject("operation").set("ports", Json.strings(opened));
          }
        });
  }

  /**
   * {@code allow-peers-<job>}: the principals of every task of one job to the job's pods — on every
   * port for distributed training (ranks connect to each other on ports picked at run time:
   * NVIDIA/nccl#388, pytorch/gloo#54), else on the tasks' TCP target ports. Empty when the tasks are
   * not all in the ambient mesh or, without training, declare no TCP port.
   */
  Optional<Document> allowPeers(JobPlan job) {
    List<MemberPlan> tasks = job.tasks().stream().map(t -> plan.member(t.workload())).flatMap(Optional::stream).toList();
    TreeSet<String> ports = new TreeSet<>(java.util.Comparator.comparingInt(Integer::parseInt));
    tasks.forEach(t -> ports.addAll(tcpTargetPorts(t)));
    if (tasks.isEmpty() || !tasks.stream().allMatch(MemberPlan::ambient) || (!job.training() && ports.isEmpty())) {
      return Optional.empty();
    }
    String name = ObjectNames.bounded("allow-peers-" + job.ref().name());
    return Optional.of(Json.document(SECURITY, AUTHORIZATION_POLICY, Optional.of(job.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, ObjectNames.bounded(job.ref().name())), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("selector").set("matchLabels", Json.sortedMap(Map.of(Json.JOB_LABEL, job.ref().name())));
          spec.put("action", "ALLOW");
          TreeSet<String> principals = new TreeSet<>();
          tasks.forEach(t -> principals.add(t.principal(trustDomain)));
          ObjectNode rule = spec.putArray("rules").addObject();
          rule.putArray("from").addObject().putObject("source").set("principals", Json.strings(principals));
          if (!job.training()) {
            rule.putArray("to").addObject().putObject("operation").set("ports", Json.strings(ports));
          }
        }));
  }

  /**
   * {@code allow-kthena-<model>}: at L7, the Kthena router's identity to the model's entry pods on
   * the routing port (it proxies every request there: volcano-sh/kthena pkg/kthena-router), and the
   * Kthena controller manager's (the autoscaler) to the model's pods on the autoscaled roles' metric
   * ports. Kthena's namespace must be in the ambient mesh for these identities to exist.
   */
  Optional<Document> allowKthena(ModelPlan model, java.util.SortedSet<Integer> metricPorts) {
    List<MemberPlan> entries = model.roles().stream().map(r -> plan.member(r.entry())).flatMap(Optional::stream).toList();
    if (entries.isEmpty() || !entries.stream().allMatch(MemberPlan::ambient)) {
      return Optional.empty();
    }
    String name = ObjectNames.bounded("allow-kthena-" + model.ref().name());
    return Optional.of(Json.document(SECURITY, AUTHORIZATION_POLICY, Optional.of(model.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, ObjectNames.bounded(model.ref().name())), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("selector").set("matchLabels", Json.sortedMap(Map.of(Json.MODEL_LABEL, model.ref().name())));
          spec.put("action", "ALLOW");
          var rules = spec.putArray("rules");
          ObjectNode router = rules.addObject();
          router.putArray("from").addObject().putObject("source").set("principals",
              Json.strings(List.of(kthenaPrincipal(Kthena.ROUTER))));
          ObjectNode routerTo = router.putArray("to").addObject().putObject("operation");
          routerTo.set("ports", Json.strings(List.of(String.valueOf(model.model().spec().routing().port()))));
          if (!metricPorts.isEmpty()) {
            ObjectNode scaler = rules.addObject();
            scaler.putArray("from").addObject().putObject("source").set("principals",
                Json.strings(List.of(kthenaPrincipal(Kthena.CONTROLLER))));
            scaler.putArray("to").addObject().putObject("operation")
                .set("ports", Json.strings(metricPorts.stream().map(String::valueOf).toList()));
          }
        }));
  }

  /**
   * {@code allow-peers-<model>}: the principals of every workload of one model to the model's pods,
   * on the KV connector's port (prefill/decode) or on every port ({@link ModelPlan#peersOnEveryPort()}:
   * a NIXL connector, or a role with worker pods). Empty when neither applies or a workload is
   * outside the ambient mesh.
   */
  Optional<Document> allowPeers(ModelPlan model) {
    List<MemberPlan> members = model.workloads().stream().map(plan::member).flatMap(Optional::stream).toList();
    if (members.isEmpty() || !members.stream().allMatch(MemberPlan::ambient) || !model.peers() || (!model.peersOnEveryPort() && model.kvPort().isEmpty())) {
      return Optional.empty();
    }
    String name = ObjectNames.bounded("allow-peers-" + model.ref().name());
    return Optional.of(Json.document(SECURITY, AUTHORIZATION_POLICY, Optional.of(model.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, ObjectNames.bounded(model.ref().name())), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("selector").set("matchLabels", Json.sortedMap(Map.of(Json.MODEL_LABEL, model.ref().name())));
          spec.put("action", "ALLOW");
          TreeSet<String> principals = new TreeSet<>();
          members.forEach(m -> principals.add(m.principal(trustDomain)));
          ObjectNode rule = spec.putArray("rules").addObject();
          rule.putArray("from").addObject().putObject("source").set("principals", Json.strings(principals));
          if (!model.peersOnEveryPort()) {
            rule.putArray("to").addObject().putObject("operation").set("ports", Json.strings(List.of(String.valueOf(model.kvPort().get()))));
          }
        }));
  }

  private String kthenaPrincipal(String serviceAccount) {
    return trustDomain + "/ns/" + Kthena.NAMESPACE + "/sa/" + serviceAccount;
  }

  /**
   * {@code allow-scrape-<member>}: the member's metrics port at L7, from any source, because vmagent
   * runs outside the mesh and has no identity; the L4 policy admits only vmagent there.
   */
  Document allowScrape(MemberPlan member, PortPlan port) {
    String name = ObjectNames.bounded("allow-scrape-" + member.ref().name());
    return Json.document(SECURITY, AUTHORIZATION_POLICY, Optional.of(member.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, ObjectNames.bounded(member.ref().name())), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("selector").set("matchLabels", Json.sortedMap(member.selector()));
          spec.put("action", "ALLOW");
          spec.putArray("rules").addObject().putArray("to").addObject().putObject("operation")
              .set("ports", Json.strings(List.of(String.valueOf(port.targetPort()))));
        });
  }

  /**
   * {@code plaintext-<member>}: STRICT for the member's pods except PERMISSIVE on the ports that take
   * plaintext (its metrics port for vmagent, its ways in from outside the mesh), so ztunnel accepts
   * plaintext there and nowhere else. One document per member: ztunnel honours port-level mTLS only
   * from a PeerAuthentication with a selector, and of several selecting one workload it uses the
   * oldest (https://istio.io/latest/docs/reference/config/security/peer_authentication/;
   * istio/istio pilot/pkg/serviceregistry/kube/controller/ambient/authorization.go, istio/istio#54073).
   */
  Document plaintextPorts(MemberPlan member, List<Integer> ports) {
    String name = ObjectNames.bounded("plaintext-" + member.ref().name());
    return Json.document(SECURITY, PEER_AUTHENTICATION, Optional.of(member.ref().namespace()), name,
        Map.of(Json.NAME_LABEL, ObjectNames.bounded(member.ref().name())), body -> {
          ObjectNode spec = body.putObject("spec");
          spec.putObject("mtls").put("mode", "STRICT");
          ObjectNode levels = spec.putObject("portLevelMtls");
          ports.forEach(p -> levels.putObject(String.valueOf(p)).put("mode", "PERMISSIVE"));
          spec.putObject("selector").set("matchLabels", Json.sortedMap(member.selector()));
        });
  }

  /** {@code lattice-deny-all} in the root namespace: an empty spec, which allows nothing mesh-wide. */
  static Document denyAll() {
    return Json.document(SECURITY, AUTHORIZATION_POLICY, Optional.of(ROOT_NAMESPACE), DENY_ALL, Map.of(),
        body -> body.putObject("spec"));
  }

  /** {@code PeerAuthentication default} in the root namespace: STRICT mTLS mesh-wide. */
  static Document strictMtls() {
    return Json.document(SECURITY, PEER_AUTHENTICATION, Optional.of(ROOT_NAMESPACE), "default", Map.of(),
        body -> body.putObject("spec").putObject("mtls").put("mode", "STRICT"));
  }

  /** ztunnel carries TCP only; ports in numeric order, written as strings as the API wants. */
  private static List<String> tcpTargetPorts(MemberPlan member) {
    return member.tcpTargetPorts().stream().map(String::valueOf).toList();
  }
}
