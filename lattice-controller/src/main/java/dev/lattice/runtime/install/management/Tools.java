package dev.lattice.runtime.install.management;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The external executables {@code lattice install} drives, looked up on a PATH (the process's, or a
 * test's directory of recorded fakes), run with their output captured. A missing executable is an
 * {@link InstallException} naming it and where to get it.
 */
final class Tools {
  /** What one run printed, and its exit code. */
  record Result(int exit, String out, String err) {
    boolean ok() {
      return exit == 0;
    }
  }

  private static final Map<String, String> WHERE = Map.of(
      "kind", "https://kind.sigs.k8s.io/docs/user/quick-start/#installation",
      "clusterctl", "https://cluster-api.sigs.k8s.io/user/quick-start#install-clusterctl",
      "kubectl", "https://kubernetes.io/docs/tasks/tools/");

  private final String path;
  private final Path workDir;

  Tools(String path, Path workDir) {
    this.path = path;
    this.workDir = workDir;
  }

  /** The executable {@code name} on the PATH, or an exception naming what is missing. */
  Path find(String name) {
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    throw new InstallException(name + " not found on PATH (" + path + "); install it: " + WHERE.getOrDefault(name, name));
  }

  /** Runs {@code command} (its first word looked up on the PATH) with {@code stdin}; never throws on a non-zero exit. */
  Result run(List<String> command, Optional<String> stdin) {
    List<String> argv = new ArrayList<>(command);
    argv.set(0, find(command.get(0)).toString());
    ProcessBuilder pb = new ProcessBuilder(argv).directory(workDir.toFile());
    pb.environment().put("PATH", path);
    try {
      Path out = Files.createTempFile(workDir, "out", ".txt");
      Path err = Files.createTempFile(workDir, "err", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        if (stdin.isPresent()) {
          in.write(stdin.get().getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // the tool exited without reading all of stdin (a failure): its exit code and stderr say why
      }
      int exit = p.waitFor();
      Result r = new Result(exit, Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new InstallException("could not run " + String.join(" ", command) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InstallException("interrupted while running " + String.join(" ", command));
    }
  }
}
