package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.compiler.graph.GraphEdge;
import dev.lattice.compiler.graph.ServiceGraph;
import dev.lattice.compiler.graph.ServiceGraphBuilder;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.stage.Authorizer;
import dev.lattice.testkit.fleet.Fleet;
import dev.lattice.testkit.fleet.FleetGenerator;
import dev.lattice.testkit.fleet.FleetShape;
import dev.lattice.testkit.fleet.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over seeded generated fleets: the graph's solid edges are exactly the agreement graph's agreed
 * edges (and the generator's intended ones), every one-sided declaration the compiler warns about
 * is a dashed edge, and {@code lattice graph} prints byte-identical text for any order of files
 * and documents. Replay a failure with {@code -Dlattice.seed=}.
 */
class GraphPropertyTest {
  private static final int FLEETS = 25;

  @Test
  void solidEdgesAreTheAgreedEdgesAndDashedOnesTheOneSidedDeclarations() {
    long base = Seeds.base();
    int solid = 0;
    int dashed = 0;
    for (int i = 0; i < FLEETS; i++) {
      long seed = Seeds.of(base, i);
      Fleet fleet = FleetGenerator.generate(seed, FleetShape.small());
      String context = "seed " + seed + " (replay with -Dlattice.seed=" + base + ", fleet " + i + ")";
      Sources sources = Sources.fromStrings(fleet.files());
      var authorized = LatticeCompiler.builder().build().validate(sources);
      assertThat(authorized.hasErrors()).as(context).isFalse();
      FleetPlan plan = authorized.plan().orElseThrow();
      FleetPlan declared = LatticeCompiler.builder().authorizer(Authorizer.ALLOW_ALL).build().validate(sources).plan().orElseThrow();
      ServiceGraph graph = ServiceGraphBuilder.build(declared, plan);

      Set<String> agreed = new TreeSet<>();
      plan.edges().forEach(e -> agreed.add(e.caller() + " -> " + e.callee()));
      plan.externalEdges().forEach(e -> agreed.add(e.caller() + " -> " + e.external()));
      Set<String> intended = new TreeSet<>();
      fleet.agreedEdges().forEach(e -> intended.add(e.from() + " -> " + e.to()));
      fleet.externalEdges().forEach(e -> intended.add(e.from() + " -> " + e.to()));
      Set<String> drawn = edges(graph, GraphEdge.State.AGREED);
      assertThat(drawn).as(context).isEqualTo(agreed).isEqualTo(intended);
      assertThat(graph.edges()).as(context).noneMatch(GraphEdge::denied);
      assertThat(graph.nodes().keySet()).as(context).containsAll(plan.members().keySet()).containsAll(plan.externals().keySet());

      Set<String> oneSided = edges(graph, GraphEdge.State.ONE_SIDED);
      assertThat(oneSided).as(context).isEqualTo(expectedOneSided(authorized.diagnostics(), declared));
      aroundKeepsExactlyTheNeighbourhood(graph, new Random(seed), context);
      solid += drawn.size();
      dashed += oneSided.size();
    }
    System.out.println("graph property: " + FLEETS + " fleets, " + solid + " solid and " + dashed + " dashed edges, base seed " + base);
  }

  /** A random node's and a random namespace's cut: every edge touching the focus, its peers, nothing else. */
  private static void aroundKeepsExactlyTheNeighbourhood(ServiceGraph graph, Random random, String context) {
    List<dev.lattice.model.base.ObjectRef> refs = new ArrayList<>(graph.nodes().keySet());
    dev.lattice.model.base.ObjectRef node = refs.get(random.nextInt(refs.size()));
    String ns = new ArrayList<>(graph.namespaces()).get(random.nextInt(graph.namespaces().size()));
    checkCut(graph, graph.around(Set.of(), Set.of(node)), node::equals, context + ", around " + node);
    checkCut(graph, graph.around(Set.of(ns), Set.of()), r -> r.namespace().equals(ns), context + ", around namespace " + ns);
  }

  private static void checkCut(ServiceGraph graph, ServiceGraph cut,
      java.util.function.Predicate<dev.lattice.model.base.ObjectRef> focus, String context) {
    List<GraphEdge> expected = graph.edges().stream().filter(e -> focus.test(e.from()) || focus.test(e.to())).toList();
    assertThat(cut.edges()).as(context).containsExactlyElementsOf(expected);
    Set<dev.lattice.model.base.ObjectRef> nodes = new TreeSet<>();
    graph.nodes().keySet().stream().filter(focus).forEach(nodes::add);
    expected.forEach(e -> {
      nodes.add(e.from());
      nodes.add(e.to());
    });
    assertThat(cut.nodes().keySet()).as(context).containsExactlyElementsOf(nodes);
    assertThat(cut.nodes().values()).as(context).allMatch(n -> n.equals(graph.nodes().get(n.ref())));
  }

  @Test
  void theCommandPrintsTheSameTextForAnyOrderOfInput(@TempDir Path dir) throws Exception {
    long base = Seeds.base();
    for (int i = 0; i < 4; i++) {
      long seed = Seeds.of(base, i);
      Fleet fleet = FleetGenerator.generate(seed, FleetShape.small());
      Random random = new Random(seed);
      String expectedMermaid = null;
      String expectedDot = null;
      for (int k = 0; k < 3; k++) {
        Path folder = write(dir.resolve("fleet-" + i + "-" + k), k == 0 ? fleet.files() : permute(fleet.files(), random));
        CliTest.Run mermaid = CliTest.run("graph", folder.toString());
        CliTest.Run dot = CliTest.run("graph", "--format", "dot", folder.toString());
        assertThat(mermaid.code()).as("seed " + seed + "\n" + mermaid.err()).isZero();
        if (k == 0) {
          expectedMermaid = mermaid.out();
          expectedDot = dot.out();
        } else {
          assertThat(mermaid.out()).as("mermaid, seed " + seed + " permutation " + k).isEqualTo(expectedMermaid);
          assertThat(dot.out()).as("dot, seed " + seed + " permutation " + k).isEqualTo(expectedDot);
        }
      }
    }
  }

  private static final java.util.regex.Pattern CALLS = java.util.regex.Pattern.compile("^(\\S+) declares (?:external service )?(\\S+) outbound, but");
  private static final java.util.regex.Pattern ACCEPTS = java.util.regex.Pattern.compile("^(\\S+) allows (\\S+) inbound, but");

  /**
   * The one-sided pairs as the compiler reports them ({@code LAT2003}, {@code LAT2005}: caller →
   * callee), plus the requesters an external service lists that never call it, which the compiler
   * does not warn about but the graph draws (the external's half is a declaration too).
   */
  private static Set<String> expectedOneSided(List<dev.lattice.model.diagnostics.Diagnostic> diagnostics, FleetPlan declared) {
    Set<String> pairs = new TreeSet<>();
    for (var d : diagnostics) {
      if (d.code().equals(dev.lattice.model.diagnostics.Codes.ONE_SIDED) || d.code().equals(dev.lattice.model.diagnostics.Codes.EXTERNAL_NOT_ALLOWED)) {
        var calls = CALLS.matcher(d.message());
        var accepts = ACCEPTS.matcher(d.message());
        if (calls.find()) {
          pairs.add(calls.group(1) + " -> " + calls.group(2));
        } else if (accepts.find()) {
          pairs.add(accepts.group(2) + " -> " + accepts.group(1));
        } else {
          throw new AssertionError("unexpected one-sided message: " + d.message());
        }
      }
    }
    Set<String> calls = new TreeSet<>();
    declared.declarations().stream().filter(d -> d.role() == dev.lattice.compiler.plan.Declaration.Role.CALLS)
        .forEach(d -> calls.add(d.declarer() + " -> " + d.peer()));
    declared.declarations().stream()
        .filter(d -> d.role() == dev.lattice.compiler.plan.Declaration.Role.ACCEPTS && !d.isWildcard())
        .filter(d -> declared.externals().containsKey(d.declarer()) && declared.members().containsKey(d.peer()))
        .map(d -> d.peer() + " -> " + d.declarer()).filter(pair -> !calls.contains(pair)).forEach(pairs::add);
    return pairs;
  }

  private static Set<String> edges(ServiceGraph graph, GraphEdge.State state) {
    return graph.edges().stream().filter(e -> e.state() == state).map(e -> e.from() + " -> " + e.to())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The fleet's documents, each in its own file, shuffled; file names are numbered in the shuffled
   * order so the reader (which sorts paths) really sees another order.
   */
  static Map<String, String> permute(Map<String, String> files, Random random) {
    List<String> docs = new ArrayList<>();
    files.values().forEach(text -> {
      for (String part : text.split("(?m)^---\\s*$")) {
        if (!part.isBlank()) {
          docs.add(part);
        }
      }
    });
    Collections.shuffle(docs, random);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (int j = 0; j < docs.size(); j++) {
      out.put(String.format("doc-%04d.yaml", j), docs.get(j));
    }
    return out;
  }

  private static Path write(Path folder, Map<String, String> files) throws Exception {
    Files.createDirectories(folder);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = folder.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    return folder;
  }
}
