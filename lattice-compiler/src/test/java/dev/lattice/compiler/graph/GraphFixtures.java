package dev.lattice.compiler.graph;

import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.stage.Authorizer;
import java.util.Map;

/** Small fleets for the graph tests, and the graph the compiler's two plans of one give. */
final class GraphFixtures {
  static final String IMAGE = "registry.example.com/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private GraphFixtures() {}

  /** A service {@code ns/name} serving {@code port} with the given resources block (YAML flow map). */
  static String service(String ns, String name, int port, String resources) {
    return """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: %s, namespace: %s}
        spec:
          workload:
            containers: {main: {image: "%s"}}
            service: {ports: {http: {port: %d}}}
            resources: %s
        """.formatted(name, ns, IMAGE, port, resources);
  }

  static ServiceGraph graph(Map<String, String> files) {
    Sources sources = Sources.fromStrings(files);
    FleetPlan authorized = LatticeCompiler.builder().build().validate(sources).plan().orElseThrow();
    FleetPlan declared = LatticeCompiler.builder().authorizer(Authorizer.ALLOW_ALL).build().validate(sources).plan().orElseThrow();
    return ServiceGraphBuilder.build(declared, authorized);
  }
}
