package dev.lattice.model.validate;

import dev.lattice.model.LatticeService;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.service.ContainerSpec;
import dev.lattice.model.service.LatticeServiceSpec;
import dev.lattice.model.service.ProbeSpec;
import dev.lattice.model.service.ResourceRequirementsSpec;
import dev.lattice.model.service.ResourceSpec;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Single-document checks of a {@code LatticeService}. */
final class ServiceValidator {
  /** The apiserver's rule for environment variable names (validation.IsEnvVarName: C identifiers plus '-' and '.'). */
  private static final java.util.regex.Pattern ENV_VAR_NAME = java.util.regex.Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private static final Set<String> BUILT_IN_TYPES = Set.of(
      ResourceSpec.SERVICE, ResourceSpec.EXTERNAL_SERVICE, ResourceSpec.SECRET, ResourceSpec.VOLUME, ResourceSpec.GPU);

  private final Findings f;

  ServiceValidator(Findings f) {
    this.f = f;
  }

  void validate(LatticeService service) {
    LatticeServiceSpec spec = service.spec();
    if (spec.replicas() < 0) {
      f.error(Codes.REPLICAS, "spec.replicas", "replicas must not be negative", null);
    }
    spec.autoscaling().ifPresent(a -> {
      if (a.max() < spec.replicas()) {
        f.error(Codes.REPLICAS, "spec.autoscaling.max", "autoscaling max " + a.max()
            + " is below the minimum of " + spec.replicas() + " replicas (min > max)",
            "raise autoscaling.max to at least " + spec.replicas() + " or lower replicas");
      }
      for (int i = 0; i < a.metrics().size(); i++) {
        if (a.metrics().get(i).target() <= 0) {
          f.error(Codes.INVALID_VALUE, "spec.autoscaling.metrics[" + i + "].target", "a metric target must be positive", null);
        }
      }
    });
    Map<String, ContainerSpec> containers = spec.workload().containers();
    if (containers.isEmpty()) {
      f.error(Codes.MISSING_FIELD, "spec.workload", "a service needs at least one container",
          "add spec.workload.containers.main.image");
    }
    Set<Integer> targetPorts = ports(spec);
    canary(spec);
    containers.forEach((name, c) -> container(Findings.child("spec.workload.containers", name), name, c, targetPorts, spec));
    spec.sidecars().forEach((name, c) -> container(Findings.child("spec.sidecars", name), name, c, targetPorts, spec));
    spec.workload().resources().forEach((name, r) -> resource(Findings.child("spec.workload.resources", name), name, r));
    GpuParams.check(f, spec.workload().resources());
    spec.topology().ifPresent(t -> topology(f, "spec.topology", t));
    waysIn(spec);
    for (int i = 0; i < spec.imagePullSecrets().size(); i++) {
      String s = spec.imagePullSecrets().get(i);
      String p = "spec.imagePullSecrets[" + i + "]";
      KubernetesNames.subdomain(s).ifPresent(why -> f.error(Codes.INVALID_NAME, p, "invalid secret name '" + s + "': " + why, null));
    }
  }

  /**
   * The ways in from outside the mesh: {@code serviceType} and {@code ingress} (Gateway API) are
   * compiled, and exclude each other; {@code advertise} (cross-cluster) is read and reported as not
   * compiled.
   */
  private void waysIn(LatticeServiceSpec spec) {
    var type = spec.workload().service().flatMap(s -> s.serviceType())
        .filter(t -> t != dev.lattice.model.service.ServicePortsSpec.ServiceType.CLUSTER_IP);
    spec.ingress().ifPresent(ingress -> {
      if (type.isPresent()) {
        f.error(Codes.EXPOSURE_CONFLICT, "spec.workload.service.serviceType", "serviceType " + type.get().wire()
            + " and spec.ingress both expose the service outside the cluster", "keep one: serviceType exposes the ports on "
            + "the nodes or a load balancer, ingress routes through a gateway");
      }
      new IngressRules(f).check(spec, ingress);
    });
    spec.advertise().ifPresent(a -> f.warning(Codes.ADVERTISE_NOT_COMPILED, "spec.advertise",
        "spec.advertise is checked against the Cedar policies but not compiled: this version emits no cross-cluster exposure",
        "callers in other clusters reach the service only through a way in this cluster compiles (serviceType, ingress)"));
  }

  /** Flagger routes one TCP port of a canary (the one named http, else the lowest TCP port). */
  private void canary(LatticeServiceSpec spec) {
    boolean canary = spec.deploy().map(d -> d.strategy() == dev.lattice.model.service.DeploySpec.Strategy.CANARY).orElse(false);
    boolean tcp = spec.workload().service().map(s -> s.ports().values().stream()
        .anyMatch(p -> p.protocol().wire().equals("TCP"))).orElse(false);
    if (canary && !tcp) {
      f.error(Codes.CANARY_PORT, "spec.deploy.strategy", "a canary needs a TCP port: Flagger routes the port named http, "
          + "else the first TCP port by number, and this service has none", "add spec.workload.service.ports.http, or use strategy: rolling");
    }
  }

  /** Checks the offered ports; returns the container ports they target. */
  private Set<Integer> ports(LatticeServiceSpec spec) {
    Set<Integer> targets = new TreeSet<>();
    Map<Integer, String> byNumber = new HashMap<>();
    spec.workload().service().ifPresent(svc -> svc.ports().forEach((name, port) -> {
      String p = Findings.child("spec.workload.service.ports", name);
      KubernetesNames.portName(name).ifPresent(why ->
          f.errorAtKey(Codes.INVALID_NAME, p, "invalid port name '" + name + "': " + why, "use a short name such as http or grpc"));
      range(p + ".port", port.port());
      port.targetPort().ifPresent(t -> range(p + ".targetPort", t));
      String other = byNumber.putIfAbsent(port.port(), name);
      if (other != null) {
        f.error(Codes.DUPLICATE_PORT, p + ".port", "port " + port.port() + " is used by ports '" + other + "' and '" + name + "'",
            "give each port its own number");
      }
      targets.add(port.effectiveTargetPort());
    }));
    return targets;
  }

  private void range(String path, int port) {
    if (port < 1 || port > 65535) {
      f.error(Codes.PORT_RANGE, path, "port " + port + " is outside 1-65535", null);
    }
  }

  private void container(String path, String name, ContainerSpec c, Set<Integer> targetPorts, LatticeServiceSpec spec) {
    KubernetesNames.label(name).ifPresent(why -> f.errorAtKey(Codes.INVALID_NAME, path, "invalid container name '" + name + "': " + why, null));
    if (c.image().isBlank()) {
      f.error(Codes.MISSING_FIELD, path + ".image", "the image is empty", "set image: registry/name:tag or @sha256:digest");
    }
    c.resources().ifPresent(r -> resources(path + ".resources", r));
    probe(path + ".livenessProbe", c.livenessProbe(), targetPorts);
    probe(path + ".readinessProbe", c.readinessProbe(), targetPorts);
    probe(path + ".startupProbe", c.startupProbe(), targetPorts);
    PlaceholderCheck placeholders = new PlaceholderCheck(f, spec.workload().resources());
    c.variables().forEach((k, v) -> {
      String p = Findings.child(path + ".variables", k);
      if (!ENV_VAR_NAME.matcher(k).matches()) {
        f.errorAtKey(Codes.INVALID_NAME, p, "invalid variable name '" + k + "'",
            "use letters, digits, '_', '-' and '.', not starting with a digit");
      }
      placeholders.check(p, v);
    });
    for (int i = 0; i < c.command().size(); i++) {
      placeholders.check(path + ".command[" + i + "]", c.command().get(i));
    }
    for (int i = 0; i < c.args().size(); i++) {
      placeholders.check(path + ".args[" + i + "]", c.args().get(i));
    }
    c.files().forEach((target, file) -> {
      String p = Findings.child(path + ".files", target);
      if (!target.startsWith("/")) {
        f.errorAtKey(Codes.INVALID_VALUE, p, "file path '" + target + "' is not absolute", "write the full path, e.g. /etc/app/config.yaml");
      }
      if (file.content().isEmpty() && file.source().isEmpty()) {
        f.error(Codes.MISSING_FIELD, p, "a file needs content or source", null);
      }
      if (!file.noExpand().orElse(false)) {
        file.content().ifPresent(text -> placeholders.check(p + ".content", text));
      }
    });
    c.volumes().forEach((mount, v) -> {
      String p = Findings.child(path + ".volumes", mount);
      if (!mount.startsWith("/")) {
        f.errorAtKey(Codes.INVALID_VALUE, p, "mount path '" + mount + "' is not absolute", null);
      }
      v.source().ifPresent(src -> placeholders.checkVolumeSource(p + ".source", src));
    });
  }

  private void resources(String path, ResourceRequirementsSpec r) {
    Optional<BigDecimal> cpuRequest = r.requests().flatMap(a -> a.cpu()).flatMap(q -> quantity(path + ".requests.cpu", q));
    Optional<BigDecimal> memRequest = r.requests().flatMap(a -> a.memory()).flatMap(q -> quantity(path + ".requests.memory", q));
    Optional<BigDecimal> cpuLimit = r.limits().flatMap(a -> a.cpu()).flatMap(q -> quantity(path + ".limits.cpu", q));
    Optional<BigDecimal> memLimit = r.limits().flatMap(a -> a.memory()).flatMap(q -> quantity(path + ".limits.memory", q));
    exceeds(path + ".requests.cpu", "cpu", cpuRequest, cpuLimit);
    exceeds(path + ".requests.memory", "memory", memRequest, memLimit);
  }

  private void exceeds(String path, String what, Optional<BigDecimal> request, Optional<BigDecimal> limit) {
    if (request.isPresent() && limit.isPresent() && request.get().compareTo(limit.get()) > 0) {
      f.error(Codes.BAD_QUANTITY, path, what + " request is above its limit", "Kubernetes rejects a request larger than the limit");
    }
  }

  private Optional<BigDecimal> quantity(String path, String text) {
    Optional<BigDecimal> q = Quantity.parse(text);
    if (q.isEmpty() || q.get().signum() < 0) {
      f.error(Codes.BAD_QUANTITY, path, "'" + text + "' is not a valid quantity",
          path.endsWith("cpu") ? "write cores as 500m, 1 or 1.5" : "write bytes as 128Mi, 1Gi or 500M");
      return Optional.empty();
    }
    return q;
  }

  private void probe(String path, Optional<ProbeSpec> probe, Set<Integer> targetPorts) {
    probe.ifPresent(p -> {
      int actions = (p.httpGet().isPresent() ? 1 : 0) + (p.exec().isPresent() ? 1 : 0) + (p.tcpSocket().isPresent() ? 1 : 0);
      if (actions != 1) {
        f.error(Codes.INVALID_VALUE, path, "a probe needs exactly one of httpGet, exec or tcpSocket (found " + actions + ")", null);
      }
      p.port().ifPresent(port -> {
        String portPath = path + (p.httpGet().isPresent() ? ".httpGet.port" : ".tcpSocket.port");
        if (port < 1 || port > 65535) {
          f.error(Codes.PORT_RANGE, portPath, "port " + port + " is outside 1-65535", null);
        } else if (!targetPorts.contains(port)) {
          f.error(Codes.PROBE_PORT, portPath, "probe port " + port + " is not among the container's ports "
              + targetPorts, targetPorts.isEmpty()
                  ? "declare the port under spec.workload.service.ports"
                  : "use one of " + targetPorts + " or declare the port under spec.workload.service.ports");
        }
      });
      p.exec().ifPresent(e -> {
        if (e.command().isEmpty()) {
          f.error(Codes.MISSING_FIELD, path + ".exec.command", "an exec probe needs a command", null);
        }
      });
    });
  }

  private void resource(String path, String name, ResourceSpec r) {
    KubernetesNames.label(name).ifPresent(why -> f.errorAtKey(Codes.INVALID_NAME, path, "invalid resource name '" + name + "': " + why, null));
    if (!BUILT_IN_TYPES.contains(r.type()) && KubernetesNames.label(r.type()).isPresent()) {
      f.error(Codes.INVALID_VALUE, path + ".type", "resource type '" + r.type() + "' is neither built in nor a DNS label",
          dev.lattice.model.diagnostics.Suggestions.didYouMean(r.type(), BUILT_IN_TYPES).orElse("use service, external-service, secret, volume, gpu or a custom DNS-label type"));
    }
    r.id().ifPresent(id -> {
      String[] parts = id.split("/", -1);
      for (String part : parts) {
        if (parts.length > 2 || KubernetesNames.label(part).isPresent()) {
          f.error(Codes.INVALID_NAME, path + ".id", "invalid id '" + id + "'", "write name or namespace/name (DNS labels)");
          break;
        }
      }
    });
    r.namespace().ifPresent(ns -> KubernetesNames.label(ns).ifPresent(why ->
        f.error(Codes.INVALID_NAME, path + ".namespace", "invalid namespace '" + ns + "': " + why, null)));
    if (ResourceSpec.EXTERNAL_SERVICE.equals(r.type()) && r.direction() != dev.lattice.model.service.Direction.INBOUND) {
      Object endpoints = r.params().get("endpoints");
      if (r.id().isEmpty() && !(endpoints instanceof Map<?, ?> m && !m.isEmpty())) {
        // without params.endpoints the resource names a LatticeExternalService (checked by the compiler)
        return;
      }
      if (endpoints instanceof Map<?, ?> m) {
        m.forEach((k, v) -> {
          String p = Findings.child(path + ".params.endpoints", String.valueOf(k));
          if (!(v instanceof String s) || dev.lattice.model.mesh.Endpoint.parse(s).isEmpty()) {
            f.error(Codes.INVALID_VALUE, p, "endpoint '" + v + "' is not a URL or host:port",
                "write https://api.example.com or api.example.com:443");
          }
        });
      }
    }
    if (ResourceSpec.SECRET.equals(r.type())) {
      Object keys = r.params().get("keys");
      if (keys != null && !(keys instanceof java.util.List<?>)) {
        f.error(Codes.WRONG_TYPE, path + ".params.keys", "secret keys must be a list of key names", null);
      }
    }
  }

  /** Volcano's {@code networkTopology}: a tier by number or by name, not both; tiers count from 0 up (its CRD's minimum). */
  static void topology(Findings f, String path, dev.lattice.model.service.TopologySpec t) {
    if (t.maxTier().isPresent() && t.tierName().isPresent()) {
      f.error(Codes.INVALID_VALUE, path, "topology takes maxTier or tierName, not both", "keep the one your cluster's networkTopology names");
    }
    t.maxTier().filter(n -> n < 0).ifPresent(n -> f.error(Codes.INVALID_VALUE, path + ".maxTier", "maxTier must not be negative", null));
  }
}
