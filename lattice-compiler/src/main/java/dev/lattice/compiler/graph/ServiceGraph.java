package dev.lattice.compiler.graph;

import dev.lattice.model.base.ObjectRef;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The service graph: nodes by address (sorted, so grouping by namespace is a walk in order) and
 * edges sorted by (from, to, state). Immutable; {@link #around} cuts it down to a neighbourhood.
 * Build one with {@link ServiceGraphBuilder}.
 */
public final class ServiceGraph {
  private final SortedMap<ObjectRef, GraphNode> nodes;
  private final SortedSet<GraphEdge> edges;

  public ServiceGraph(Collection<GraphNode> nodes, Collection<GraphEdge> edges) {
    TreeMap<ObjectRef, GraphNode> byRef = new TreeMap<>();
    nodes.forEach(n -> byRef.put(n.ref(), n));
    for (GraphEdge e : edges) {
      if (!byRef.containsKey(e.from()) || !byRef.containsKey(e.to())) {
        throw new IllegalArgumentException("edge " + e.from() + " -> " + e.to() + " names a node the graph does not have");
      }
    }
    this.nodes = Collections.unmodifiableSortedMap(byRef);
    this.edges = Collections.unmodifiableSortedSet(new TreeSet<>(edges));
  }

  public SortedMap<ObjectRef, GraphNode> nodes() {
    return nodes;
  }

  public SortedSet<GraphEdge> edges() {
    return edges;
  }

  /** The namespaces of the nodes, sorted. */
  public SortedSet<String> namespaces() {
    TreeSet<String> ns = new TreeSet<>();
    nodes.keySet().forEach(r -> ns.add(r.namespace()));
    return ns;
  }

  /** The nodes of one namespace, sorted by name. */
  public List<GraphNode> nodesIn(String namespace) {
    return nodes.values().stream().filter(n -> n.ref().namespace().equals(namespace)).toList();
  }

  /**
   * The neighbourhood of a focus: the nodes in {@code namespaces} and the nodes {@code services},
   * every edge that touches one of them, and the peers at the other end of those edges (so nothing
   * a focused node does is hidden). An empty focus keeps the whole graph.
   */
  public ServiceGraph around(Set<String> namespaces, Set<ObjectRef> services) {
    if (namespaces.isEmpty() && services.isEmpty()) {
      return this;
    }
    Set<ObjectRef> focus = new TreeSet<>();
    nodes.keySet().stream().filter(r -> namespaces.contains(r.namespace()) || services.contains(r)).forEach(focus::add);
    List<GraphEdge> kept = edges.stream().filter(e -> focus.contains(e.from()) || focus.contains(e.to())).toList();
    Set<ObjectRef> keep = new TreeSet<>(focus);
    kept.forEach(e -> {
      keep.add(e.from());
      keep.add(e.to());
    });
    return new ServiceGraph(keep.stream().map(nodes::get).toList(), kept);
  }
}
