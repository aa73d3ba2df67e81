package dev.lattice.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A temporary GitOps repository for one test: a copy of {@code examples/gitops}, commands run
 * against it in-process with {@code --repo}, a hash of every file (for "nothing changed") and the
 * whole tree as text (for golden files).
 */
final class RepoFixture {
  final Path repo;
  final Path inputs;
  final StringBuilder log = new StringBuilder();

  record Run(int code, String out, String err) {}

  /** A copy of examples/gitops in {@code dir/repo}; files for commands to read go to {@code dir/in}. */
  RepoFixture(Path dir) {
    this.repo = dir.resolve("repo");
    this.inputs = dir.resolve("in");
    copy(ProjectPaths.root().resolve("examples/gitops"), repo);
    try {
      Files.createDirectories(inputs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an input file (outside the repository) and returns its path. */
  String input(String name, String text) {
    try {
      return Files.writeString(inputs.resolve(name), text).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An example file (examples/...) by its path from the project root. */
  static String example(String path) {
    return ProjectPaths.root().resolve(path).toString();
  }

  /** Runs {@code lattice ARGS --repo <repo>} and logs the command and its output. */
  Run lattice(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--repo");
    all.add(repo.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LatticeCommand.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    log.append("$ lattice ").append(String.join(" ", args).replace(ProjectPaths.root() + "/", "").replace(inputs.toString(), "<in>"))
        .append("  # exit ").append(code).append('\n')
        .append(out.toString().replace(repo.toString(), "<repo>"))
        .append(err.toString().replace(repo.toString(), "<repo>"));
    return new Run(code, out.toString(), err.toString());
  }

  /** SHA-256 of every file under the repository (managed or not), by relative path. */
  SortedMap<String, String> hashes() {
    SortedMap<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(repo)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(repo.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
      }
      walk.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> dirs = Files.walk(repo)) {
      dirs.filter(Files::isDirectory).forEach(d -> out.putIfAbsent(repo.relativize(d) + "/", "dir"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Every file under the repository, in path order, as one text: the golden form of a tree. */
  String render() {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> walk = Files.walk(repo)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        sb.append("=== ").append(repo.relativize(p)).append(" ===\n").append(Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }
}
