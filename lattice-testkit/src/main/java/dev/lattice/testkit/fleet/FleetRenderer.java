package dev.lattice.testkit.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.testkit.fleet.FleetGenerator.Form;
import dev.lattice.testkit.fleet.FleetGenerator.GenExternal;
import dev.lattice.testkit.fleet.FleetGenerator.GenPort;
import dev.lattice.testkit.fleet.FleetGenerator.GenWorkload;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** Writes generated objects as YAML documents in the form each was given, varying the spellings. */
final class FleetRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()).build();

  private final SplittableRandom random;
  private final FleetShape shape;

  FleetRenderer(SplittableRandom random, FleetShape shape) {
    this.random = random;
    this.shape = shape;
  }

  String workload(GenWorkload w) {
    return w.meshMember ? meshMember(w) : service(w);
  }

  private String service(GenWorkload w) {
    boolean snake = w.form == Form.SNAKE;
    ObjectNode doc = header(snake ? "lattice.io/v1alpha1" : "lattice.dev/v1alpha1", "LatticeService", w.namespace, w.name);
    ObjectNode spec = doc.putObject("spec");
    ObjectNode body = w.form == Form.CANONICAL ? spec.putObject("workload") : spec;
    ObjectNode container = body.putObject("containers").putObject("main");
    container.put("image", random.nextInt(3) == 0
        ? "registry.example.com/" + w.name + "@sha256:" + "0123456789abcdef".repeat(4)
        : "registry.example.com/" + w.name + ":1.0");
    ObjectNode variables = container.putObject("variables").put("SERVICE_NAME", w.name);
    boolean secret = random.nextInt(8) == 0;
    if (secret) {
      variables.put("TOKEN", "${secret.token.value}");
    }
    if (random.nextInt(8) == 0) {
      container.putObject("security").putArray("capabilities").add("NET_ADMIN");
    }
    ObjectNode serviceBlock = body.putObject("service");
    if (w.serviceType != null) {
      serviceBlock.put(snake ? "service_type" : "serviceType", w.serviceType);
    }
    ObjectNode ports = serviceBlock.putObject("ports");
    for (GenPort p : w.ports) {
      ObjectNode port = ports.putObject(p.name()).put("port", p.port());
      if (p.targetPort() != p.port()) {
        port.put(snake ? "target_port" : "targetPort", p.targetPort());
      }
    }
    ObjectNode resources = body.putObject("resources");
    if (secret) {
      resources.putObject("token").put("type", "secret").put("id", w.namespace + "/" + w.name + "-token")
          .putObject("params").put("provider", "vault").putArray("keys").add("value");
    }
    Set<String> peers = new TreeSet<>(w.calls);
    peers.addAll(w.accepts);
    Set<String> calledKeys = new TreeSet<>();
    for (String peer : peers) {
      boolean calls = w.calls.contains(peer);
      boolean accepts = w.accepts.contains(peer);
      String key = reference(resources, w.namespace, peer);
      ObjectNode r = (ObjectNode) resources.get(key);
      if (calls) {
        calledKeys.add(key);
      }
      if (random.nextBoolean()) {
        r.put("type", "service");
      }
      String direction = calls && accepts ? "both" : calls ? "outbound" : "inbound";
      if (!direction.equals("outbound") || random.nextBoolean()) {
        r.put("direction", direction);
      }
    }
    for (String external : w.externalCalls) {
      ObjectNode r = (ObjectNode) resources.get(reference(resources, w.namespace, external));
      r.put("type", random.nextBoolean() ? "service" : snake ? "external_service" : "external-service");
    }
    if (chance(shape.placeholderRatio())) {
      placeholders((ObjectNode) container.get("variables"), resources, calledKeys);
    }
    if (w.form == Form.CANONICAL && chance(shape.autoscalingRatio())) {
      spec.put("replicas", 2);
      spec.putObject("autoscaling").put("max", 3 + random.nextInt(4));
    } else if (w.form == Form.CANONICAL || random.nextBoolean()) {
      spec.put("replicas", 1);
    } else {
      spec.putObject("replicas").put("min", 1).put("max", 1 + random.nextInt(3));
    }
    if (chance(shape.canaryRatio())) {
      spec.putObject("deploy").put("strategy", "canary");
    }
    if (!w.routes.isEmpty()) {
      ObjectNode routes = spec.putObject("ingress").putObject("routes");
      for (FleetGenerator.GenRoute r : w.routes) {
        ObjectNode route = routes.putObject(r.name());
        if (!r.kind().equals("HTTPRoute") || random.nextBoolean()) {
          route.put("kind", r.kind());
        }
        if (!r.kind().equals("TCPRoute")) {
          route.putArray("hosts").add(r.host());
        }
        route.put("port", r.port().name());
        if (r.tls()) {
          route.putObject("tls").putObject("issuerRef").put("name", "letsencrypt").put("kind", "ClusterIssuer");
        }
      }
    }
    return write(doc);
  }

  /** Variables that read the URL of every called peer, and a key of a declared secret. */
  private static void placeholders(ObjectNode variables, ObjectNode resources, Set<String> calledKeys) {
    int i = 0;
    for (String key : calledKeys) {
      variables.put("PEER_" + i++ + "_URL", "${resources." + key + ".url}");
    }
    resources.putObject("credentials").put("type", "secret").putObject("params").put("provider", "vault").putArray("keys").add("password");
    variables.put("DB_PASSWORD", "${secret.credentials.password}");
    variables.put("DSN", "postgres://app:${secret.credentials.password}@db:5432/app");
  }

  /** True with the given probability; draws nothing when it is 0, so older shapes keep their fleets. */
  private boolean chance(double ratio) {
    return ratio > 0 && random.nextDouble() < ratio;
  }

  /**
   * Adds a resource entry for {@code address} seen from {@code namespace}, in one of the accepted
   * spellings, and returns its key.
   */
  private String reference(ObjectNode resources, String namespace, String address) {
    String ns = address.substring(0, address.indexOf('/'));
    String name = address.substring(address.indexOf('/') + 1);
    if (ns.equals(namespace)) {
      if (random.nextInt(4) == 0) {
        resources.putObject("to-" + name).put("id", name);
        return "to-" + name;
      }
      resources.putObject(name);
      return name;
    }
    return switch (random.nextInt(3)) {
      case 0 -> {
        resources.putObject(name).put("namespace", ns);
        yield name;
      }
      case 1 -> {
        resources.putObject(name).put("id", address);
        yield name;
      }
      default -> {
        resources.putObject(ns + "-" + name).put("namespace", ns).put("id", name);
        yield ns + "-" + name;
      }
    };
  }

  private String meshMember(GenWorkload w) {
    ObjectNode doc = header("lattice.dev/v1alpha1", "LatticeMeshMember", w.namespace, w.name);
    ObjectNode spec = doc.putObject("spec");
    spec.putObject("target").putObject("selector").set("labels", F.objectNode().put("app", w.name));
    ArrayNode ports = spec.putArray("ports");
    w.ports.forEach(p -> {
      ObjectNode port = ports.addObject().put("port", p.targetPort()).put("name", p.name());
      if (w.peerAuth.containsKey(p.name())) {
        port.put("peerAuth", w.peerAuth.get(p.name()));
      }
    });
    refs(spec.putArray("allowedCallers"), w.namespace, w.accepts);
    refs(spec.putArray("dependencies"), w.namespace, w.calls);
    if (!w.serviceAccount.equals(w.name)) {
      spec.put("serviceAccount", w.serviceAccount);
    }
    spec.put("ambient", w.ambient);
    return write(doc);
  }

  private static void refs(ArrayNode out, String namespace, Set<String> addresses) {
    for (String a : addresses) {
      String ns = a.substring(0, a.indexOf('/'));
      ObjectNode ref = out.addObject().put("name", a.substring(a.indexOf('/') + 1));
      if (!ns.equals(namespace)) {
        ref.put("namespace", ns);
      }
    }
  }

  String external(GenExternal e) {
    ObjectNode doc = header("lattice.dev/v1alpha1", "LatticeExternalService", e.namespace, e.name);
    ObjectNode spec = doc.putObject("spec");
    spec.putObject("endpoints").put("api", random.nextBoolean() ? "https://" + e.host() : e.host() + ":443");
    ArrayNode requesters = spec.putArray("allowedRequesters");
    if (e.wildcard) {
      requesters.add("*");
    }
    for (String r : e.requesters) {
      String ns = r.substring(0, r.indexOf('/'));
      requesters.add(ns.equals(e.namespace) && random.nextBoolean() ? r.substring(r.indexOf('/') + 1) : r);
    }
    spec.put("resolution", "dns");
    return write(doc);
  }

  private static ObjectNode header(String apiVersion, String kind, String namespace, String name) {
    ObjectNode doc = F.objectNode();
    doc.put("apiVersion", apiVersion);
    doc.put("kind", kind);
    doc.putObject("metadata").put("name", name).put("namespace", namespace);
    return doc;
  }

  private static String write(ObjectNode doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
