package dev.lattice.runtime.controller;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.compiler.Sources;
import dev.lattice.runtime.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Inputs for controller tests: the shop example as texts, and small generated services. */
final class Fleets {
  private Fleets() {}

  /** The files of an example folder, by name. */
  static Map<String, String> example(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(TestPaths.root().resolve("examples").resolve(name))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        out.put(p.getFileName().toString(), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Compilation compile(Map<String, String> texts) {
    return LatticeCompiler.builder().build().compile(Sources.fromStrings(texts));
  }

  /**
   * A service in namespace {@code ns} with outbound and inbound declarations to the named peers; its
   * image is pinned by digest, so it asks no gate and compiles without any CedarPolicy.
   */
  static String service(String ns, String name, List<String> outbound, List<String> inbound) {
    StringBuilder sb = new StringBuilder();
    sb.append("apiVersion: lattice.dev/v1alpha1\nkind: LatticeService\nmetadata:\n  name: ").append(name)
        .append("\n  namespace: ").append(ns).append("\nspec:\n  replicas: 1\n  workload:\n    containers:\n")
        .append("      main:\n        image: registry.example.com/").append(name)
        .append("@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")
        .append("    service:\n      ports:\n        http: {port: 80, targetPort: 8080}\n");
    if (!outbound.isEmpty() || !inbound.isEmpty()) {
      sb.append("    resources:\n");
      outbound.forEach(p -> sb.append("      ").append(p).append(": {type: service, direction: outbound}\n"));
      inbound.forEach(p -> sb.append("      ").append(p).append(": {type: service, direction: inbound}\n"));
    }
    return sb.toString();
  }
}
