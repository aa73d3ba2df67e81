package dev.lattice.cli.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of a repository that Lattice manages ({@link Layout#isManaged}), in memory: path (with
 * {@code /}, relative to the root) to text. Immutable; an edit makes a new tree, and
 * {@link #changesFrom} tells what a command would write. Files outside the layout (READMEs, CI
 * configuration, Flux's own {@code flux-system/}) are never read, so never touched.
 */
public final class RepoTree {
  private final SortedMap<String, String> files;

  private RepoTree(SortedMap<String, String> files) {
    this.files = Collections.unmodifiableSortedMap(files);
  }

  /** A tree of the given files. */
  public static RepoTree of(java.util.Map<String, String> files) {
    return new RepoTree(new TreeMap<>(files));
  }

  /** Reads the managed files under {@code root}. */
  public static RepoTree read(Path root) {
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (Layout.isManaged(rel)) {
          files.put(rel, new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RepoTree(files);
  }

  public Optional<String> get(String path) {
    return Optional.ofNullable(files.get(path));
  }

  public boolean exists(String path) {
    return files.containsKey(path);
  }

  public SortedMap<String, String> files() {
    return files;
  }

  /** This tree with {@code path} set to {@code text}. */
  public RepoTree with(String path, String text) {
    SortedMap<String, String> copy = new TreeMap<>(files);
    copy.put(path, text);
    return new RepoTree(copy);
  }

  /** This tree without {@code path}. */
  public RepoTree without(String path) {
    SortedMap<String, String> copy = new TreeMap<>(files);
    copy.remove(path);
    return new RepoTree(copy);
  }

  /** This tree without every file under the folder {@code dir}. */
  public RepoTree withoutFolder(String dir) {
    String prefix = dir.endsWith("/") ? dir : dir + "/";
    SortedMap<String, String> copy = new TreeMap<>(files);
    copy.keySet().removeIf(p -> p.startsWith(prefix));
    return new RepoTree(copy);
  }

  /** The names directly inside folder {@code dir} ({@code ""} for the root): files and folders, sorted. */
  public SortedSet<String> entries(String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    SortedSet<String> names = new TreeSet<>();
    for (String p : files.keySet()) {
      if (p.startsWith(prefix)) {
        String rest = p.substring(prefix.length());
        int slash = rest.indexOf('/');
        names.add(slash < 0 ? rest : rest.substring(0, slash + 1));
      }
    }
    return names;
  }

  /** What turns {@code before} into this tree, in path order. */
  public List<Change> changesFrom(RepoTree before) {
    SortedSet<String> paths = new TreeSet<>(files.keySet());
    paths.addAll(before.files.keySet());
    List<Change> changes = new ArrayList<>();
    for (String p : paths) {
      Optional<String> was = before.get(p);
      Optional<String> now = get(p);
      if (!was.equals(now)) {
        changes.add(new Change(p, was, now));
      }
    }
    return changes;
  }
}
