package dev.lattice.compiler.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates Cedar policy texts and gate requests over small pools of namespaces, services and
 * resources, so that random policies and random requests often meet. Covers permit/forbid,
 * unconstrained scopes, {@code ==}, {@code in} (namespace hierarchy, action sets), {@code is},
 * conditions the index decides and conditions only the engine can decide.
 */
final class RandomPolicies {
  static final String[] NAMESPACES = {"media", "edge", "ci"};
  static final String[] NAMES = {"sonarr", "jellyfin", "haproxy"};
  static final String[] KINDS = {"LatticeService", "LatticeMeshMember"};
  static final String[] IDS = {"a", "b", "*"};

  private final SplittableRandom random;

  RandomPolicies(SplittableRandom random) {
    this.random = random;
  }

  private <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  private Gate gate() {
    return pick(Gate.values());
  }

  GateRequest request() {
    return GateRequest.of(pick(NAMESPACES), pick(NAMES), pick(KINDS), gate(), pick(IDS));
  }

  String policy() {
    String effect = random.nextInt(3) == 0 ? "forbid" : "permit";
    List<Gate> gates = new ArrayList<>();
    String action = switch (random.nextInt(4)) {
      case 0 -> "action";
      case 1 -> {
        gates.add(gate());
        yield "action == " + action(gates.get(0));
      }
      case 2 -> {
        gates.add(gate());
        yield "action in " + action(gates.get(0));
      }
      default -> {
        Gate a = gate();
        Gate b = gate();
        gates.add(a);
        gates.add(b);
        yield "action in [" + action(a) + ", " + action(b) + "]";
      }
    };
    return effect + "(" + principal() + ", " + action + ", " + resource(gates) + ")" + conditions() + ";";
  }

  private String principal() {
    return switch (random.nextInt(6)) {
      case 0 -> "principal";
      case 1 -> "principal == " + service();
      case 2 -> "principal in " + service();
      case 3 -> "principal in Lattice::Namespace::\"" + pick(NAMESPACES) + "\"";
      case 4 -> "principal is Lattice::Service";
      default -> "principal is Lattice::Service in Lattice::Namespace::\"" + pick(NAMESPACES) + "\"";
    };
  }

  private String resource(List<Gate> gates) {
    if (gates.isEmpty() || random.nextInt(3) == 0) {
      return "resource";
    }
    String type = gates.get(random.nextInt(gates.size())).resourceType();
    return switch (random.nextInt(3)) {
      case 0 -> "resource == " + type + "::\"" + pick(IDS) + "\"";
      case 1 -> "resource in " + type + "::\"" + pick(IDS) + "\"";
      default -> "resource is " + type;
    };
  }

  private String conditions() {
    return switch (random.nextInt(9)) {
      case 0 -> " when { principal.namespace == \"" + pick(NAMESPACES) + "\" }";
      case 1 -> " unless { principal.name == \"" + pick(NAMES) + "\" }";
      case 2 -> " when { principal.kind == \"" + pick(KINDS) + "\" && principal.namespace != \""
          + pick(NAMESPACES) + "\" || false }";
      case 3 -> " when { !(\"" + pick(NAMES) + "\" == principal.name) } unless { principal.namespace == \""
          + pick(NAMESPACES) + "\" }";
      case 4 -> " when { principal.name like \"" + pick(NAMES).charAt(0) + "*\" }";
      case 5 -> " when { principal in Lattice::Namespace::\"" + pick(NAMESPACES) + "\" }";
      default -> "";
    };
  }

  private String service() {
    return "Lattice::Service::\"" + pick(NAMESPACES) + "/" + pick(NAMES) + "\"";
  }

  private static String action(Gate g) {
    return "Lattice::Action::\"" + g.cedarAction() + "\"";
  }
}
