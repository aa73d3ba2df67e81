package dev.lattice.cli;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.Sources;
import dev.lattice.compiler.graph.DotRenderer;
import dev.lattice.compiler.graph.MermaidRenderer;
import dev.lattice.compiler.graph.ServiceGraph;
import dev.lattice.compiler.graph.ServiceGraphBuilder;
import dev.lattice.compiler.stage.Authorizer;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.diagnostics.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lattice graph [--format mermaid|dot] [--namespace NS]... [--service S]... PATH...}: the
 * service graph on stdout, diagnostics on stderr. Input errors: exit 1 and no graph — except when
 * every error is a Cedar gate denial ({@code LAT3003}): then the graph is printed with the denied
 * nodes marked (that is what one wants to see) and the exit code is still 1, as {@code validate}'s.
 * An unknown {@code --service} or {@code --namespace} is a usage error (exit 2).
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = "Draw the service graph (agreed, one-sided and denied edges by namespace) as Mermaid or Graphviz DOT.")
final class GraphCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Spec CommandLine.Model.CommandSpec spec;

  /** The output languages. */
  enum Format { mermaid, dot }

  @Option(names = "--format", defaultValue = "mermaid", description = "mermaid or dot (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--namespace", paramLabel = "NS", description = "only this namespace and its direct peers (repeatable)")
  List<String> namespaces = new ArrayList<>();

  @Option(names = "--service", paramLabel = "S", description = "only S and its direct peers: namespace/name, or name when unambiguous (repeatable)")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    Sources sources = input.read();
    Compilation authorized = input.compiler().build().validate(sources);
    DiagnosticPrinter.print(authorized.diagnostics(), input.diagnostics, spec.commandLine().getErr());
    boolean otherErrors = authorized.diagnostics().stream().anyMatch(d -> d.isError() && !d.code().equals(Codes.DENIED));
    if (otherErrors || authorized.plan().isEmpty()) {
      spec.commandLine().getErr().println("cannot draw the graph: fix the errors above");
      return LatticeCommand.INPUT_ERRORS;
    }
    Compilation declared = input.compiler().authorizer(Authorizer.ALLOW_ALL).build().validate(sources);
    ServiceGraph graph = ServiceGraphBuilder.build(declared.plan().orElseThrow(), authorized.plan().orElseThrow());
    graph = graph.around(namespaces(graph), services(graph));
    spec.commandLine().getOut().print(format == Format.dot ? DotRenderer.render(graph) : MermaidRenderer.render(graph));
    return authorized.hasErrors() ? LatticeCommand.INPUT_ERRORS : LatticeCommand.OK;
  }

  private Set<String> namespaces(ServiceGraph graph) {
    for (String ns : namespaces) {
      if (!graph.namespaces().contains(ns)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--namespace " + ns + " has nothing in the input"
            + dev.lattice.model.diagnostics.Suggestions.didYouMean(ns, graph.namespaces()).map(s -> "; " + s).orElse(""));
      }
    }
    return new TreeSet<>(namespaces);
  }

  private Set<ObjectRef> services(ServiceGraph graph) {
    List<String> known = graph.nodes().keySet().stream().map(ObjectRef::toString).toList();
    Set<ObjectRef> refs = new TreeSet<>();
    for (String s : services) {
      refs.add(resolve(s, known));
    }
    return refs;
  }

  private ObjectRef resolve(String name, List<String> known) {
    List<String> matches = name.contains("/")
        ? known.stream().filter(name::equals).toList()
        : known.stream().filter(k -> k.endsWith("/" + name)).toList();
    if (matches.size() == 1) {
      return ObjectRef.parse(matches.get(0), "");
    }
    throw new CommandLine.ParameterException(spec.commandLine(), matches.isEmpty()
        ? "--service " + name + " is not in the input"
            + dev.lattice.model.diagnostics.Suggestions.didYouMean(name, name.contains("/") ? known
                : known.stream().map(k -> k.substring(k.indexOf('/') + 1)).distinct().toList()).map(s -> "; " + s).orElse("")
        : "--service " + name + " is ambiguous: " + String.join(", ", matches) + " (write namespace/name)");
  }
}
