package dev.lattice.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The L3 part of a Cilium rule: which peers it selects.
 *
 * <ul>
 *   <li>No peer field at all (e.g. a {@code toPorts}-only rule, or {@code {}}) selects every peer,
 *       in-cluster or not: the rule has no L3 constraint.
 *   <li>A peer field given as an explicitly empty list selects nothing.
 *   <li>Otherwise a peer is selected when any entry of any field selects it.
 * </ul>
 *
 * <p>Endpoint selectors of a namespaced policy get {@code io.kubernetes.pod.namespace = <policy
 * namespace>} added unless they name the namespace key or a {@code io.cilium.k8s.namespace.labels.*}
 * key; those of a clusterwide policy get "has a namespace label" added (pods only). Selectors on
 * {@code reserved:} keys are kept as written. {@code fromNodes}/{@code toNodes},
 * {@code fromGroups}/{@code toGroups}, {@code toServices} and CIDR group references select nothing;
 * {@code fromRequires}/{@code toRequires} are ignored.
 */
final class PeerMatch {
  private static final List<String> INGRESS_FIELDS = List.of(
      "fromEndpoints", "fromEntities", "fromCIDR", "fromCIDRSet", "fromNodes", "fromGroups");
  private static final List<String> EGRESS_FIELDS = List.of(
      "toEndpoints", "toEntities", "toCIDR", "toCIDRSet", "toFQDNs", "toNodes", "toGroups",
      "toServices");

  private record Entry(String text, Predicate<Peer> test) {}

  private final boolean wildcard;
  private final List<Entry> entries;

  private PeerMatch(boolean wildcard, List<Entry> entries) {
    this.wildcard = wildcard;
    this.entries = List.copyOf(entries);
  }

  static PeerMatch parse(JsonNode rule, boolean ingress, Optional<String> namespace) {
    List<String> fields = ingress ? INGRESS_FIELDS : EGRESS_FIELDS;
    boolean anyPresent = false;
    for (String field : fields) {
      JsonNode value = rule.path(field);
      if (value.isArray()) {
        anyPresent = true;
        if (value.isEmpty()) {
          return new PeerMatch(false, List.of());
        }
      }
    }
    if (!anyPresent) {
      return new PeerMatch(true, List.of());
    }
    String prefix = ingress ? "from" : "to";
    List<Entry> entries = new ArrayList<>();
    for (JsonNode sel : rule.path(prefix + "Endpoints")) {
      LabelSelector selector = scoped(LabelSelector.parse(sel), namespace);
      entries.add(new Entry("endpoints " + selector, p -> selector.matches(p.labels())));
    }
    for (JsonNode entity : rule.path(prefix + "Entities")) {
      String name = entity.asText().toLowerCase(Locale.ROOT);
      entries.add(new Entry("entity " + name, p -> p.entities().contains(name)));
    }
    for (JsonNode cidr : rule.path(prefix + "CIDR")) {
      cidrEntry(cidr.asText(), List.of()).ifPresent(entries::add);
    }
    for (JsonNode set : rule.path(prefix + "CIDRSet")) {
      List<Cidr> except = new ArrayList<>();
      set.path("except").forEach(x -> Cidr.parse(x.asText()).ifPresent(except::add));
      if (set.has("cidr")) {
        cidrEntry(set.path("cidr").asText(), except).ifPresent(entries::add);
      }
    }
    for (JsonNode fqdn : rule.path("toFQDNs")) {
      FqdnPattern pattern = fqdn.has("matchName")
          ? FqdnPattern.name(fqdn.path("matchName").asText())
          : FqdnPattern.pattern(fqdn.path("matchPattern").asText());
      entries.add(new Entry(pattern.toString(), p -> p.cidrSelectable() && p.namesLearned()
          && p.external().filter(e -> !e.isIp() && pattern.matches(e.address())).isPresent()));
    }
    return new PeerMatch(false, entries);
  }

  private static Optional<Entry> cidrEntry(String text, List<Cidr> except) {
    return Cidr.parse(text).map(cidr -> new Entry(
        "cidr " + text + (except.isEmpty() ? "" : " except " + except.size()),
        p -> p.cidrSelectable()
            && cidr.contains(p.ipv4())
            && except.stream().noneMatch(x -> x.contains(p.ipv4()))));
  }

  /** Adds Cilium's implicit namespace requirement to a peer selector. */
  static LabelSelector scoped(LabelSelector selector, Optional<String> namespace) {
    if (selector.hasKeyWithPrefix("reserved:") || selector.hasKey(Peer.NAMESPACE)) {
      return selector;
    }
    if (namespace.isEmpty()) {
      return selector.andExists(Peer.NAMESPACE);
    }
    if (selector.hasKeyWithPrefix(Peer.NAMESPACE_LABELS)) {
      return selector;
    }
    return selector.and(Peer.NAMESPACE, namespace.get());
  }

  boolean matches(Peer peer) {
    return wildcard || entries.stream().anyMatch(e -> e.test.test(peer));
  }

  @Override
  public String toString() {
    if (wildcard) {
      return "any peer";
    }
    return entries.isEmpty() ? "no peer" : entries.stream().map(Entry::text).toList().toString();
  }
}
