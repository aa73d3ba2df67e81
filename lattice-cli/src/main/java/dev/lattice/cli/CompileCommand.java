package dev.lattice.cli;

import dev.lattice.compiler.Compilation;
import dev.lattice.compiler.CompilerOptions;
import dev.lattice.compiler.document.Document;
import dev.lattice.compiler.document.DocumentWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lattice compile [--out DIR] [--capi-style objects|topology] PATH...}: one YAML stream on stdout, or one file per document
 * under {@code DIR/<namespace or _cluster>/<kind>-<name>.yaml} (other files are left alone). With
 * any input error nothing is written.
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
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      write(result.documents(), w);
      w.flush();
    } else {
      for (Document d : result.documents()) {
        writeFile(d);
      }
      spec.commandLine().getErr().println("wrote " + result.documents().size() + " documents under " + out);
    }
    return LatticeCommand.OK;
  }

  private void write(List<Document> docs, java.io.Writer w) {
    if (format == Format.json) {
      DocumentWriter.writeJsonLines(docs, w);
    } else {
      DocumentWriter.writeYaml(docs, w);
    }
  }

  /** Writes atomically: a temporary file in the same folder, then a rename. */
  private void writeFile(Document d) throws IOException {
    String ext = format == Format.json ? ".json" : ".yaml";
    Path dir = out.resolve(d.namespace().orElse("_cluster"));
    Files.createDirectories(dir);
    Path target = dir.resolve(d.kind().toLowerCase(Locale.ROOT) + "-" + d.name() + ext);
    StringWriter text = new StringWriter();
    write(List.of(d), text);
    Path tmp = Files.createTempFile(dir, ".lattice-", ".tmp");
    try {
      Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
