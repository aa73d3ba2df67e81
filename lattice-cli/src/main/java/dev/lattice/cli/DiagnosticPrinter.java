package dev.lattice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Severity;
import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics for people ({@code file:line:column: severity CODE: message} + hint) or as JSON. */
final class DiagnosticPrinter {
  enum Format {
    text,
    json
  }

  private DiagnosticPrinter() {}

  static void print(List<Diagnostic> diagnostics, Format format, PrintWriter err) {
    if (format == Format.json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ArrayNode arr = mapper.createArrayNode();
      for (Diagnostic d : diagnostics) {
        ObjectNode o = arr.addObject();
        o.put("code", d.code());
        o.put("severity", d.severity().word());
        o.put("message", d.message());
        d.hint().ifPresent(h -> o.put("hint", h));
        o.put("file", d.position().file());
        o.put("line", d.position().line());
        o.put("column", d.position().column());
        o.put("path", d.path());
      }
      try {
        err.println(mapper.writeValueAsString(arr));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    diagnostics.forEach(d -> err.println(d.render()));
    long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    if (errors + warnings > 0) {
      err.println(errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
    }
  }
}
