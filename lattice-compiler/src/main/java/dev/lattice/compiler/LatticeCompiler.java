package dev.lattice.compiler;

import dev.lattice.compiler.spi.CompilerOptions;
import dev.lattice.document.Document;
import dev.lattice.compiler.plan.FleetPlan;
import dev.lattice.compiler.spi.EmitContext;
import dev.lattice.compiler.spi.Emitter;
import dev.lattice.compiler.stage.Authorizer;
import dev.lattice.compiler.stage.Pipeline;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The public entry point: {@code LatticeCompiler.builder().trustDomain("cluster.local").build()
 * .compile(sources)}. Thread-safe and stateless between calls; {@code compile} does no I/O and reads
 * no clock. The same sources, in any order and any accepted spelling, give byte-identical output.
 */
public final class LatticeCompiler {
  private final CompilerOptions options;
  private final List<Emitter> emitters;
  private final Authorizer authorizer;

  private LatticeCompiler(CompilerOptions options, List<Emitter> emitters, Authorizer authorizer) {
    this.options = options;
    this.emitters = List.copyOf(emitters);
    this.authorizer = authorizer;
  }

  public static Builder builder() {
    return new Builder();
  }

  public CompilerOptions options() {
    return options;
  }

  /**
   * Validates and resolves without emitting: the diagnostics {@code lattice validate} prints — every
   * input rule {@link #compile} applies, including the emitters' own ({@link Emitter#check}), and, when
   * those pass, the emitters themselves (their documents dropped), so the two report the same diagnostics.
   */
  public Compilation validate(Sources sources) {
    Diagnostics diagnostics = readDiagnostics(sources);
    FleetPlan plan = plan(sources, diagnostics);
    check(plan, diagnostics);
    if (!diagnostics.hasErrorsOtherThan(Codes.DENIED)) {
      emit(plan, diagnostics, false); // only what emitting finds (derived names that meet) is kept
    }
    return new Compilation(List.of(), diagnostics.sorted(), Optional.of(plan));
  }

  /**
   * Compiles: every stage, then every emitter. With any error diagnostic (from reading, resolving,
   * authorizing or emitting) the result has no documents.
   */
  public Compilation compile(Sources sources) {
    Diagnostics diagnostics = readDiagnostics(sources);
    FleetPlan plan = plan(sources, diagnostics);
    check(plan, diagnostics);
    if (diagnostics.hasErrorsOtherThan(Codes.DENIED)) {
      return new Compilation(List.of(), diagnostics.sorted(), Optional.of(plan), List.of());
    }
    List<Document> documents = emit(plan, diagnostics, true);
    List<Diagnostic> all = diagnostics.sorted();
    if (diagnostics.hasErrorsOtherThan(Codes.DENIED)) {
      return new Compilation(List.of(), all, Optional.of(plan), List.of());
    }
    return diagnostics.hasErrors()
        ? new Compilation(List.of(), all, Optional.of(plan), documents)
        : new Compilation(documents, all, Optional.of(plan), documents);
  }

  /**
   * Every stage and every emitter, whatever the diagnostics: the documents (sorted) and the
   * diagnostics (sorted) of {@code sources}, for the incremental compiler
   * ({@code dev.lattice.compiler.incremental}), which compares two such derivations of a
   * neighbourhood and so must see documents even beside errors. Not for presenting output: use
   * {@link #compile}.
   */
  public Derivation derive(Sources sources) {
    Diagnostics diagnostics = readDiagnostics(sources);
    FleetPlan plan = plan(sources, diagnostics);
    check(plan, diagnostics);
    List<Document> documents = emit(plan, diagnostics, true);
    return new Derivation(documents, diagnostics.sorted());
  }

  private static Diagnostics readDiagnostics(Sources sources) {
    Diagnostics diagnostics = new Diagnostics();
    diagnostics.addAll(sources.readDiagnostics());
    return diagnostics;
  }

  private FleetPlan plan(Sources sources, Diagnostics diagnostics) {
    return new Pipeline(options, authorizer).plan(sources.objects(), diagnostics);
  }

  /** What {@link #derive} found: every document and every diagnostic, each sorted. */
  public record Derivation(List<Document> documents, List<Diagnostic> diagnostics) {}

  /** The input rules of every emitter ({@link Emitter#check}): part of validation, shared by validate and compile. */
  private void check(FleetPlan plan, Diagnostics diagnostics) {
    inParallel(emitter -> {
      List<Diagnostic> found = new ArrayList<>();
      emitter.check(plan, new EmitContext(options, found::add));
      return new Emitted(List.of(), found);
    }).forEach(e -> diagnostics.addAll(e.diagnostics()));
  }

  /**
   * Runs {@code work} for every emitter at once (emitters are independent and the plan is
   * immutable), each with its own diagnostics, and returns the results in emitter order, so what
   * follows sees exactly what running them one after another would give.
   */
  private List<Emitted> inParallel(java.util.function.Function<Emitter, Emitted> work) {
    return emitters.parallelStream().map(work).toList();
  }

  /** One emitter's documents and diagnostics. */
  private record Emitted(List<Document> documents, List<Diagnostic> diagnostics) {}

  /**
   * Runs every emitter (at once, see {@link #inParallel}); documents sorted, identity collisions
   * reported. Without {@code keepContent} (validate) each emitter's documents are cut down to their
   * identity as soon as it returns, so a large fleet's validation never holds every document.
   */
  private List<Document> emit(FleetPlan plan, Diagnostics diagnostics, boolean keepContent) {
    List<Emitted> results = inParallel(emitter -> {
      List<Diagnostic> found = new ArrayList<>();
      List<Document> emitted = emitter.emit(plan, new EmitContext(options, found::add));
      java.util.Set<KindKey> kinds = new java.util.HashSet<>();
      emitter.kinds().forEach(k -> kinds.add(new KindKey(k.apiVersion(), k.kind(), k.namespaced())));
      emitted.forEach(d -> declared(emitter, kinds, d));
      return new Emitted(keepContent ? emitted : emitted.stream().map(LatticeCompiler::identity).toList(), found);
    });
    results.forEach(e -> diagnostics.addAll(e.diagnostics()));
    List<List<Document>> byEmitter = results.stream().map(Emitted::documents).toList();
    Document[] all = byEmitter.stream().flatMap(List::stream).toArray(Document[]::new);
    // stable, as List.sort is: documents of one identity keep emitter order (the collision report below names both)
    java.util.Arrays.parallelSort(all, Document.ORDER);
    List<Document> documents = java.util.Collections.unmodifiableList(java.util.Arrays.asList(all));
    // ORDER compares exactly (apiVersion, kind, namespace, name), so two documents with one identity sit side by side
    for (int i = 1; i < documents.size(); i++) {
      Document a = documents.get(i - 1);
      Document b = documents.get(i);
      if (Document.ORDER.compare(a, b) == 0) {
        diagnostics.add(collision(a, b, byEmitter, plan));
      }
    }
    return documents;
  }

  /** A document's identity and the name label a collision report looks up, without the rest of its content. */
  private static Document identity(Document d) {
    com.fasterxml.jackson.databind.node.ObjectNode draft = dev.lattice.document.Json.object();
    d.text("metadata", "labels", dev.lattice.document.Json.NAME_LABEL)
        .ifPresent(n -> draft.putObject("metadata").putObject("labels").put(dev.lattice.document.Json.NAME_LABEL, n));
    return Document.of(d.apiVersion(), d.kind(), d.namespace(), d.name(), draft);
  }

  /** Fails on a document whose kind its emitter did not declare, or whose scope contradicts the declaration. */
  private static void declared(Emitter emitter, java.util.Set<KindKey> kinds, Document d) {
    if (!kinds.contains(new KindKey(d.apiVersion(), d.kind(), d.namespace().isPresent()))) {
      throw new IllegalStateException("the " + emitter.name() + " emitter produced " + d.apiVersion() + " " + d.kind()
          + (d.namespace().isPresent() ? " (namespaced)" : " (cluster-scoped)") + " without declaring it in kinds()");
    }
  }

  /** A declared kind and scope; strings' hashes are cached, so a lookup builds no text. */
  private record KindKey(String apiVersion, String kind, boolean namespaced) {}

  /**
   * Two derived documents with one identity: the inputs name things so that their derived names meet
   * (e.g. a secret resource {@code main-secret-env} beside a container {@code main}). An error at the
   * service the document belongs to, when known.
   */
  private Diagnostic collision(Document a, Document b, List<List<Document>> byEmitter, FleetPlan plan) {
    var at = owningWorkload(b, plan).or(() -> owningWorkload(a, plan))
        .map(w -> w.source().sources().document()).orElse(dev.lattice.model.diagnostics.SourcePosition.UNKNOWN);
    return Diagnostic.error(Codes.DERIVED_NAME_COLLISION, "two derived documents are both " + b.apiVersion() + " " + b.id()
            + " (from the " + owner(a, byEmitter) + " and " + owner(b, byEmitter) + " emitters)",
        "rename the resource, container or service whose derived names meet; see docs/NAMING.md", at, "");
  }

  /**
   * The workload a document belongs to: the one its name label names, else (a namespace's shared
   * documents, such as its ingress Gateway, carry no name label) the one it is named after.
   */
  private static Optional<dev.lattice.compiler.plan.WorkloadPlan> owningWorkload(Document d, FleetPlan plan) {
    if (d.namespace().isEmpty()) {
      return Optional.empty();
    }
    String ns = d.namespace().get();
    return d.text("metadata", "labels", dev.lattice.document.Json.NAME_LABEL).or(() -> Optional.of(d.name()))
        .map(service -> plan.workloads().get(dev.lattice.model.base.ObjectRef.of(ns, service)));
  }

  private String owner(Document d, List<List<Document>> byEmitter) {
    for (int i = 0; i < byEmitter.size(); i++) {
      for (Document e : byEmitter.get(i)) {
        if (e == d) {
          return emitters.get(i).name();
        }
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** Configures a compiler. Without {@link #emitters}, emitters are found with {@link ServiceLoader}. */
  public static final class Builder {
    private CompilerOptions options = CompilerOptions.DEFAULTS;
    private List<Emitter> emitters;
    private Authorizer authorizer = new dev.lattice.compiler.authz.GateAuthorizer();

    public Builder trustDomain(String trustDomain) {
      options = options.withTrustDomain(trustDomain);
      return this;
    }

    public Builder emitNamespaces(boolean emit) {
      options = options.withEmitNamespaces(emit);
      return this;
    }

    /** The form of cluster documents ({@link CompilerOptions.CapiStyle}). */
    public Builder capiStyle(CompilerOptions.CapiStyle style) {
      options = options.withCapiStyle(style);
      return this;
    }

    public Builder options(CompilerOptions options) {
      this.options = options;
      return this;
    }

    public Builder emitters(List<Emitter> emitters) {
      this.emitters = List.copyOf(emitters);
      return this;
    }

    public Builder emitters(Emitter... emitters) {
      return emitters(List.of(emitters));
    }

    /** Replaces the Cedar gates; {@link Authorizer#ALLOW_ALL} turns authorization off (tests of emitters). */
    public Builder authorizer(Authorizer authorizer) {
      this.authorizer = authorizer;
      return this;
    }

    public LatticeCompiler build() {
      List<Emitter> found = emitters;
      if (found == null) {
        found = new ArrayList<>();
        ServiceLoader.load(Emitter.class, LatticeCompiler.class.getClassLoader()).forEach(found::add);
        found.sort(java.util.Comparator.comparing(Emitter::name));
      }
      return new LatticeCompiler(options, found, authorizer);
    }
  }
}
