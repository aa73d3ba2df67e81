package dev.lattice.testkit.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random edits of a generated fleet's files, the kind a team makes day to day: a service
 * adds, drops or turns around an agreement half, changes its replicas or a port, becomes exposed
 * (LoadBalancer, NodePort) or stops being so, is removed or copied under a new name; an external service opens to one more requester or closes to one; a
 * mesh member gains or loses a caller; a file is saved again unchanged. Each edit rewrites one file.
 */
public final class RandomEdits {
  private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()).build();
  private static final String[] DIRECTIONS = {"outbound", "inbound", "both"};

  private final SplittableRandom random;
  private final List<String> addresses;
  private int copies;

  /** Edits drawing from {@code random}, naming peers among {@code fleet}'s workloads. */
  public RandomEdits(SplittableRandom random, Fleet fleet) {
    this.random = random;
    this.addresses = fleet.workloads().stream().map(Fleet.GeneratedWorkload::address).toList();
  }

  /** One edit: what it did and the files after it. */
  public record Edit(String description, ParsedFiles after) {}

  /** Applies one random edit to {@code files}. */
  public Edit next(ParsedFiles files) {
    List<String> names = new ArrayList<>(files.texts().keySet());
    String file = names.get(random.nextInt(names.size()));
    String text = files.texts().get(file);
    List<String> docs = new ArrayList<>(List.of(text.split("(?m)^---\n", -1)));
    int at = random.nextInt(docs.size());
    JsonNode tree = read(docs.get(at));
    if (!(tree instanceof ObjectNode doc)) {
      return new Edit("saved " + file + " unchanged", files.with(file, text));
    }
    String kind = doc.path("kind").asText();
    String name = doc.path("metadata").path("name").asText();
    String what;
    switch (kind) {
      case "LatticeService" -> what = service(doc, docs, at);
      case "LatticeExternalService" -> what = toggle((ArrayNode) doc.path("spec").withArray("allowedRequesters"), false);
      case "LatticeMeshMember" -> what = toggle((ArrayNode) doc.path("spec").withArray("allowedCallers"), true);
      default -> {
        return new Edit("saved " + file + " unchanged", files.with(file, text));
      }
    }
    if (what.startsWith("removed")) {
      docs.remove(at);
    } else if (!what.startsWith("copied")) {
      docs.set(at, write(doc));
    }
    String edited = String.join("---\n", docs);
    return new Edit(kind + " " + name + " in " + file + ": " + what,
        edited.isBlank() ? files.without(file) : files.with(file, edited));
  }

  private String service(ObjectNode doc, List<String> docs, int at) {
    ObjectNode spec = (ObjectNode) doc.path("spec");
    ObjectNode body = spec.has("workload") ? (ObjectNode) spec.path("workload") : spec;
    ObjectNode resources = body.withObject("resources");
    List<String> keys = new ArrayList<>();
    resources.fieldNames().forEachRemaining(keys::add);
    String own = docs.get(at);
    keys.removeIf(k -> own.contains("${resources." + k + ".") || !isPeer(resources.path(k)));
    switch (random.nextInt(8)) {
      case 0 -> {
        if (!keys.isEmpty()) {
          String k = keys.get(random.nextInt(keys.size()));
          resources.remove(k);
          return "dropped resource " + k;
        }
        return "dropped nothing";
      }
      case 1 -> {
        String peer = addresses.get(random.nextInt(addresses.size()));
        String key = "edit-" + random.nextInt(1_000_000);
        resources.putObject(key).put("type", "service").put("id", peer).put("direction", DIRECTIONS[random.nextInt(3)]);
        return "added resource " + key + " -> " + peer;
      }
      case 2 -> {
        if (!keys.isEmpty()) {
          String k = keys.get(random.nextInt(keys.size()));
          String d = DIRECTIONS[random.nextInt(3)];
          ((ObjectNode) resources.path(k)).put("direction", d);
          return "resource " + k + " now " + d;
        }
        return "turned nothing";
      }
      case 3 -> {
        if (spec.path("replicas").isInt()) {
          int n = 1 + random.nextInt(3);
          spec.put("replicas", n);
          return "replicas " + n;
        }
        return "replicas left as they were";
      }
      case 4 -> {
        for (Iterator<JsonNode> it = body.path("service").path("ports").elements(); it.hasNext(); ) {
          JsonNode port = it.next();
          if (port instanceof ObjectNode p && p.path("port").isInt()) {
            p.put("port", 1024 + random.nextInt(60_000));
            return "port now " + p.path("port").asInt();
          }
        }
        return "no port to change";
      }
      case 5 -> {
        return "removed";
      }
      case 6 -> {
        ObjectNode service = body.withObject("service");
        String key = doc.path("apiVersion").asText().startsWith("lattice.io/") ? "service_type" : "serviceType";
        if (service.has(key)) {
          service.remove(key);
          return "no longer exposed (" + key + " removed)";
        }
        String type = random.nextBoolean() ? "LoadBalancer" : "NodePort";
        service.put(key, type);
        return "exposed as " + type;
      }
      default -> {
        ObjectNode copy = doc.deepCopy();
        String name = doc.path("metadata").path("name").asText() + "-copy-" + copies++;
        ((ObjectNode) copy.path("metadata")).put("name", name);
        docs.add(write(copy));
        return "copied as " + name;
      }
    }
  }

  private static boolean isPeer(JsonNode resource) {
    String type = resource.path("type").asText("service");
    return type.equals("service") || type.startsWith("external");
  }

  private String toggle(ArrayNode list, boolean asRefs) {
    if (!list.isEmpty() && random.nextBoolean()) {
      JsonNode gone = list.remove(random.nextInt(list.size()));
      return "no longer lists " + gone;
    }
    String peer = addresses.get(random.nextInt(addresses.size()));
    if (asRefs) {
      list.addObject().put("name", peer.substring(peer.indexOf('/') + 1)).put("namespace", peer.substring(0, peer.indexOf('/')));
    } else {
      list.add(peer);
    }
    return "now lists " + peer;
  }

  private static JsonNode read(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("generated YAML did not parse", e);
    }
  }

  private static String write(JsonNode doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
