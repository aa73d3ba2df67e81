package dev.lattice.cli;

import dev.lattice.cli.gitops.Change;
import dev.lattice.cli.gitops.Edit;
import dev.lattice.cli.gitops.Refusal;
import dev.lattice.cli.gitops.RepoLock;
import dev.lattice.cli.gitops.RepoTree;
import dev.lattice.cli.gitops.RepoValidator;
import dev.lattice.cli.gitops.TreeWriter;
import dev.lattice.cli.gitops.UnifiedDiff;
import dev.lattice.compiler.LatticeCompiler;
import dev.lattice.model.diagnostics.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * How the repository commands run: read the tree, apply one pure edit, validate the result, then
 * print a diff ({@code --dry-run}) or write the changed files atomically and say what changed. A
 * refusal or an invalid result writes nothing (exit 1); a folder that is not a repository is a usage
 * error (exit 2).
 */
final class Gitops {
  /** An edit of a tree. */
  interface EditFn {
    Edit apply(RepoTree tree) throws Refusal;
  }

  /** A read-only view of a tree. */
  interface ShowFn {
    String apply(RepoTree tree) throws Refusal;
  }

  private Gitops() {}

  static RepoTree load(CommandLine cmd, Path repo) {
    if (!RepoOptions.isRepository(repo)) {
      throw new CommandLine.ParameterException(cmd, repo.toAbsolutePath().normalize()
          + " is not a Lattice repository (no cluster.yaml or .lattice/); pass --repo DIR or copy examples/gitops to start one");
    }
    return RepoTree.read(repo);
  }

  static RepoValidator validator() {
    return new RepoValidator(LatticeCompiler.builder().build());
  }

  static int show(CommandLine cmd, RepoOptions options, ShowFn fn) {
    RepoTree tree = load(cmd, options.repo);
    try {
      cmd.getOut().print(fn.apply(tree));
      cmd.getOut().flush();
      return LatticeCommand.OK;
    } catch (Refusal r) {
      cmd.getErr().println("lattice: " + r.getMessage());
      return LatticeCommand.INPUT_ERRORS;
    }
  }

  /**
   * Runs a mutating command under the repository's {@link RepoLock} (from reading to writing: two
   * commands cannot lose each other's change); a dry run takes no lock.
   */
  static int mutate(CommandLine cmd, RepoOptions options, boolean dryRun, EditFn fn) throws IOException {
    if (dryRun || !RepoOptions.isRepository(options.repo)) {
      return mutateLocked(cmd, options, dryRun, fn);
    }
    try (RepoLock lock = RepoLock.acquire(options.repo)) {
      return mutateLocked(cmd, options, dryRun, fn);
    } catch (Refusal r) {
      cmd.getErr().println("lattice: refused: " + r.getMessage());
      cmd.getErr().println("nothing changed");
      return LatticeCommand.INPUT_ERRORS;
    }
  }

  private static int mutateLocked(CommandLine cmd, RepoOptions options, boolean dryRun, EditFn fn) throws IOException {
    RepoTree before = load(cmd, options.repo);
    PrintWriter out = cmd.getOut();
    PrintWriter err = cmd.getErr();
    Edit edit;
    try {
      edit = fn.apply(before);
    } catch (Refusal r) {
      err.println("lattice: refused: " + r.getMessage());
      err.println("nothing changed");
      return LatticeCommand.INPUT_ERRORS;
    }
    List<Diagnostic> diagnostics = validator().validate(edit.tree());
    if (RepoValidator.hasErrors(diagnostics)) {
      DiagnosticPrinter.print(diagnostics, DiagnosticPrinter.Format.text, err);
      err.println("lattice: refused: the repository would not be valid (above); nothing changed");
      return LatticeCommand.INPUT_ERRORS;
    }
    List<Change> changes = edit.tree().changesFrom(before);
    if (changes.isEmpty()) {
      out.println("nothing to change: the repository says so already");
      return LatticeCommand.OK;
    }
    if (dryRun) {
      changes.forEach(c -> out.print(UnifiedDiff.of(c)));
      out.println("dry run: would have " + edit.summary() + "; nothing written");
      return LatticeCommand.OK;
    }
    try {
      TreeWriter.write(options.repo, changes);
    } catch (Refusal r) {
      err.println("lattice: refused: " + r.getMessage());
      return LatticeCommand.INPUT_ERRORS;
    }
    out.println(edit.summary());
    changes.forEach(c -> out.println("  " + c.verb() + " " + c.path()));
    return LatticeCommand.OK;
  }
}
