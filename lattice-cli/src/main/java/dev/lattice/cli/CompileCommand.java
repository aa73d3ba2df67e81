package dev.lattice.cli;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.spi.CompilerOptions;
import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import dev.lattice.conformance.KubernetesValidator;
import dev.lattice.conformance.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lattice compile [--out DIR] [--capi-style objects|topology] [--check] PATH...}: one YAML stream on stdout, or one file per document
 * under {@code DIR/<namespace or _cluster>/<kind>-<name>.yaml} (other files are left alone). With
 * any input error nothing is written, nor when a file cannot be written ({@link OutputFolder}: all
 * or nothing, exit 1; {@code --out} naming a file is a usage error, exit 2); with {@code --check} every document is validated against the
 * bundled upstream schemas first, and nothing is written when one fails (a bug in Lattice, exit 3).
 */
@Command(name = "compile", mixinStandardHelpOptions = true, description = "Compile Lattice documents into Kubernetes documents.")
final class CompileCommand implements Callable<Integer> {
  enum Format {
    yaml,
    json
  }

  @Mixin InputOptions input;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "write one file per document under DIR")
  Path out;

  @Option(names = "--format", defaultValue = "yaml", description = "yaml (a multi-document stream) or json (one object per line)")
  Format format;

  @Option(names = "--no-namespaces", description = "do not emit Namespace documents")
  boolean noNamespaces;

  @Option(names = "--capi-style", defaultValue = "objects", paramLabel = "STYLE",
      description = "cluster documents: objects (every CAPI object) or topology (a ClusterClass and a Cluster with spec.topology)")
  String capiStyle;

  @Option(names = "--check", description = "validate every document against the bundled upstream schemas before "
      + "writing anything (a failure is a bug in Lattice: nothing is written, exit 3)")
  boolean check;

  @Option(names = "--schemas", paramLabel = "DIR", description = "with --check: more schemas, winning over the bundled ones")
  List<Path> schemas = new java.util.ArrayList<>();

  @Override
  public Integer call() throws IOException {
    CompilerOptions.CapiStyle style = switch (capiStyle) {
      case "objects" -> CompilerOptions.CapiStyle.OBJECTS;
      case "topology" -> CompilerOptions.CapiStyle.TOPOLOGY;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--capi-style must be objects or topology, not " + capiStyle);
    };
    Compilation result = input.compiler().emitNamespaces(!noNamespaces).capiStyle(style).build().compile(input.read());
    DiagnosticPrinter.print(result.diagnostics(), input.diagnostics, spec.commandLine().getErr());
    if (result.hasErrors()) {
      spec.commandLine().getErr().println("nothing written: fix the errors above");
      return LatticeCommand.INPUT_ERRORS;
    }
    if (check && !passesCheck(result.documents())) {
      return LatticeCommand.INTERNAL;
    }
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      write(result.documents(), w);
      w.flush();
    } else {
      String ext = format == Format.json ? ".json" : ".yaml";
      Map<String, String> files = new LinkedHashMap<>();
      for (Document d : result.documents()) {
        StringWriter text = new StringWriter();
        write(List.of(d), text);
        files.put(d.namespace().orElse("_cluster") + "/" + d.kind().toLowerCase(Locale.ROOT) + "-" + d.name() + ext, text.toString());
      }
      try {
        new OutputFolder(out).write(files);
      } catch (OutputFolder.Refused e) {
        spec.commandLine().getErr().println("lattice: " + dev.lattice.model.diagnostics.Escapes.text(e.getMessage()));
        return e.exitCode;
      }
      spec.commandLine().getErr().println("wrote " + result.documents().size() + " documents under " + out);
    }
    return LatticeCommand.OK;
  }

  /** Validates each document as it would be written; on a failure prints the violations as a bug report. */
  private boolean passesCheck(List<Document> documents) {
    KubernetesValidator.Builder b = KubernetesValidator.builder();
    for (Path dir : schemas) {
      try {
        b.schemas(dir);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--schemas: " + e.getMessage());
      }
    }
    KubernetesValidator validator = b.build();
    String ext = format == Format.json ? ".json" : ".yaml";
    List<Violation> violations = documents.parallelStream().flatMap(d -> {
      StringWriter text = new StringWriter();
      write(List.of(d), text);
      String name = d.namespace().orElse("_cluster") + "/" + d.kind().toLowerCase(Locale.ROOT) + "-" + d.name() + ext;
      return validator.validate(name, format == Format.json ? text.toString().strip() : text.toString())
          .violations().stream();
    }).toList();
    if (violations.isEmpty()) {
      return true;
    }
    var err = spec.commandLine().getErr();
    err.println("lattice: internal error (this is a bug in Lattice, please report it): " + violations.size()
        + " problem(s) in the compiled documents; nothing written");
    violations.forEach(v -> err.println("  " + v.toValidateK8sLine()));
    return false;
  }

  private void write(List<Document> docs, java.io.Writer w) {
    if (format == Format.json) {
      DocumentWriter.writeJsonLines(docs, w);
    } else {
      DocumentWriter.writeYaml(docs, w);
    }
  }
}
