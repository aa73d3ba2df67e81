package dev.lattice.testkit.fleet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The YAML the job and model property tests generate for a workload and for the plain services
 * beside them: containers, service ports and the agreement resources ({@code outbound},
 * {@code inbound} or {@code both}) from the calls and accepts maps.
 */
final class AgreementYaml {
  private AgreementYaml() {}

  /**
   * Who declared what: {@code calls} (a's outbound halves by caller), {@code accepts} (b's inbound
   * halves by callee) and the pairs where both halves were drawn.
   */
  record Agreements(Map<String, Set<String>> calls, Map<String, Set<String>> accepts, Set<List<String>> agreed) {}

  /**
   * For every ordered pair of pods that {@code eligible} admits, draws one of four outcomes from
   * {@code random}: neither half, the caller's, the callee's, or both (an agreement).
   */
  static <P> Agreements draw(java.util.Random random, List<P> pods, java.util.function.Function<P, String> name,
      java.util.function.BiPredicate<P, P> eligible) {
    Map<String, Set<String>> calls = new java.util.LinkedHashMap<>();
    Map<String, Set<String>> accepts = new java.util.LinkedHashMap<>();
    Set<List<String>> agreed = new java.util.HashSet<>();
    for (P a : pods) {
      for (P b : pods) {
        if (a == b || !eligible.test(a, b)) {
          continue;
        }
        int halves = random.nextInt(4);
        if ((halves & 1) != 0) {
          calls.computeIfAbsent(name.apply(a), k -> new TreeSet<>()).add(name.apply(b));
        }
        if ((halves & 2) != 0) {
          accepts.computeIfAbsent(name.apply(b), k -> new TreeSet<>()).add(name.apply(a));
        }
        if (halves == 3) {
          agreed.add(List.of(name.apply(a), name.apply(b)));
        }
      }
    }
    return new Agreements(calls, accepts, agreed);
  }

  /** A workload block at {@code indent}: one container, ports {@code p<port>}, its agreements. */
  static String workload(String name, List<Integer> ports, Map<String, Set<String>> calls, Map<String, Set<String>> accepts,
      String indent) {
    StringBuilder y = new StringBuilder();
    y.append(indent).append("containers: {main: {image: ghcr.io/example/").append(name).append(":1, command: [/app/run]}}\n");
    if (!ports.isEmpty()) {
      y.append(indent).append("service:\n").append(indent).append("  ports:\n");
      ports.forEach(p -> y.append(indent).append("    p").append(p).append(": {port: ").append(p).append("}\n"));
    }
    Set<String> out = calls.getOrDefault(name, Set.of());
    Set<String> in = accepts.getOrDefault(name, Set.of());
    if (!out.isEmpty() || !in.isEmpty()) {
      y.append(indent).append("resources:\n");
      TreeSet<String> peers = new TreeSet<>(out);
      peers.addAll(in);
      for (String peer : peers) {
        String direction = out.contains(peer) && in.contains(peer) ? "both" : out.contains(peer) ? "outbound" : "inbound";
        y.append(indent).append("  ").append(peer).append(": {type: service, direction: ").append(direction).append("}\n");
      }
    }
    return y.toString();
  }

  /** Services {@code svc0..svc<count-1>} in {@code namespace}, svc{@code s} on port 8000+s, into {@code files}. */
  static void services(Map<String, String> files, int count, String namespace, Map<String, Set<String>> calls,
      Map<String, Set<String>> accepts) {
    for (int s = 0; s < count; s++) {
      String name = "svc" + s;
      files.put(name + ".yaml", "apiVersion: lattice.dev/v1alpha1\nkind: LatticeService\nmetadata: {name: " + name
          + ", namespace: " + namespace + "}\nspec:\n  workload:\n" + workload(name, List.of(8000 + s), calls, accepts, "    "));
    }
  }
}
