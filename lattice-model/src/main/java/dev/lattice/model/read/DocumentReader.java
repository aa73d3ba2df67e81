package dev.lattice.model.read;

import dev.lattice.model.diagnostics.Suggestions;
import dev.lattice.model.CedarPolicy;
import dev.lattice.model.CloudProvider;
import dev.lattice.model.Kind;
import dev.lattice.model.LatticeCluster;
import dev.lattice.model.LatticeExternalService;
import dev.lattice.model.LatticeMeshMember;
import dev.lattice.model.LatticeObject;
import dev.lattice.model.LatticeService;
import dev.lattice.model.SourceMap;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one parsed document: checks apiVersion and kind, normalises the accepted spellings, binds
 * it to its record and validates it. Returns nothing for documents that are skipped (other API
 * groups, unsupported kinds) or that could not be bound.
 */
final class DocumentReader {
  static Class<? extends LatticeObject> type(Kind kind) {
    return kind.type();
  }

  private final Diagnostics diagnostics;

  DocumentReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Optional<SourcedObject> read(Node node) {
    if (!(node instanceof Node.MapNode doc)) {
      diagnostics.add(Diagnostic.error(Codes.NOT_A_RESOURCE,
          "a document must be a mapping with apiVersion, kind and metadata, not " + node.describe(),
          null, node.position(), ""));
      return Optional.empty();
    }
    Optional<String> apiVersion = text(doc, "apiVersion");
    Optional<String> kindName = text(doc, "kind");
    if (apiVersion.isEmpty() || kindName.isEmpty()) {
      diagnostics.add(Diagnostic.error(Codes.NOT_A_RESOURCE,
          "document has no " + (apiVersion.isEmpty() ? "apiVersion" : "kind"),
          "start every document with apiVersion: " + Kind.API_VERSION + " and kind: LatticeService (or another kind)",
          doc.position(), apiVersion.isEmpty() ? "apiVersion" : "kind"));
      return Optional.empty();
    }
    String group = apiVersion.get().contains("/") ? apiVersion.get().substring(0, apiVersion.get().indexOf('/')) : "";
    boolean lattice = group.equals("lattice.dev") || group.equals("lattice.io");
    if (!lattice) {
      diagnostics.add(Diagnostic.info(Codes.FOREIGN_DOCUMENT,
          "skipping " + apiVersion.get() + " " + kindName.get() + " (not a Lattice document)",
          doc.position(), ""));
      return Optional.empty();
    }
    boolean snakeCase = apiVersion.get().equals(Kind.LEGACY_API_VERSION);
    if (!apiVersion.get().equals(Kind.API_VERSION) && !snakeCase) {
      diagnostics.add(Diagnostic.error(Codes.UNKNOWN_API_VERSION,
          "unknown apiVersion '" + apiVersion.get() + "'",
          "use apiVersion: " + Kind.API_VERSION, doc.get("apiVersion").position(), "apiVersion"));
      return Optional.empty();
    }
    Optional<Kind> kind = Kind.fromWire(kindName.get());
    if (kind.isEmpty()) {
      diagnostics.add(Diagnostic.warning(Codes.UNSUPPORTED_KIND,
          "kind " + kindName.get() + " is not supported by this version of Lattice; document skipped",
          Suggestions.didYouMean(kindName.get(), java.util.Arrays.stream(Kind.values()).map(Kind::wire).toList())
              .orElse("supported kinds: " + String.join(", ", Kind.wireNames())),
          doc.get("kind").position(), "kind"));
      return Optional.empty();
    }
    if (snakeCase) {
      diagnostics.add(Diagnostic.warning(Codes.SNAKE_CASE_FORM,
          "older snake_case form " + Kind.LEGACY_API_VERSION + "; read as " + Kind.API_VERSION,
          "canonical spelling: apiVersion: " + Kind.API_VERSION + " with camelCase fields "
              + "(target_port → targetPort, allowed_requesters → allowedRequesters, external_service → external-service)",
          doc.get("apiVersion").position(), "apiVersion"));
    }
    LinkedHashMap<String, Node.Entry> body = new LinkedHashMap<>(doc.entries());
    body.remove("apiVersion");
    body.remove("kind");
    if (kind.get() == Kind.LATTICE_SERVICE && body.get("spec") != null
        && body.get("spec").value() instanceof Node.MapNode spec) {
      Node.Entry e = body.get("spec");
      body.put("spec", new Node.Entry("spec", e.keyPosition(),
          new FormNormalizer(diagnostics).normalizeServiceSpec(spec, snakeCase)));
    }
    if (kind.get() == Kind.LATTICE_CLUSTER && body.get("spec") != null
        && body.get("spec").value() instanceof Node.MapNode spec) {
      Node.Entry e = body.get("spec");
      body.put("spec", new Node.Entry("spec", e.keyPosition(), new ClusterFormNormalizer(diagnostics).normalize(spec)));
    }
    RecordBinder binder = new RecordBinder(diagnostics, snakeCase);
    Node.MapNode bound = new Node.MapNode(doc.position(), body);
    LatticeObject value = binder.bindRecord(bound, kind.get().type());
    if (binder.errors() > 0 || value == null) {
      return Optional.empty();
    }
    SourcedObject sourced = new SourcedObject(value, SourceMap.of(doc.position(), NodePositions.of(bound, snakeCase)));
    new dev.lattice.model.validate.DocumentValidator(diagnostics).validate(sourced);
    return Optional.of(sourced);
  }

  private static Optional<String> text(Node.MapNode doc, String key) {
    Node n = doc.get(key);
    return n instanceof Node.ScalarNode s && s.type() == Node.ScalarType.STRING && !s.text().isBlank()
        ? Optional.of(s.text())
        : Optional.empty();
  }
}
