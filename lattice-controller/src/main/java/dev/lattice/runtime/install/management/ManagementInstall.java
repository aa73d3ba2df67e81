package dev.lattice.runtime.install.management;

import dev.lattice.runtime.install.CellInstall;
import dev.lattice.runtime.install.InstallManifests;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code lattice install --config FILE}: makes the LatticeCluster in FILE a management cluster that
 * manages itself, the way the original Lattice's {@code lattice install} does (evan-hines-js/lattice,
 * crates/lattice-cli, the install command: a temporary kind cluster, the CAPI providers and the
 * operator in it, the cluster provisioned from the LatticeCluster, {@code clusterctl move} into it,
 * the kind cluster deleted). The steps, each with a probe that reads the clusters to tell whether it
 * is done already, so that a re-run continues from the step it reached:
 * <ol>
 *   <li>the bootstrap cluster ({@code kind create cluster}; {@code --bootstrap existing}: the current
 *       kubeconfig's cluster), its kubeconfig from {@code kind get kubeconfig};
 *   <li>optionally the controller image loaded into it ({@code kind load image-archive});
 *   <li>the Cluster API providers the config needs ({@code clusterctl init --infrastructure P}, and
 *       {@code --bootstrap rke2 --control-plane rke2} for RKE2: https://cluster-api.sigs.k8s.io/clusterctl/commands/init);
 *   <li>Lattice ({@code lattice install-manifests}, applied server-side), waited for;
 *   <li>the config applied; the CAPI Cluster waited for until {@code ControlPlaneInitialized}
 *       ({@code kubectl wait --for=condition=...}: https://kubernetes.io/docs/reference/kubectl/generated/kubectl_wait/),
 *       then its kubeconfig ({@code clusterctl get kubeconfig});
 *   <li>the providers and Lattice (hosting the cell when the config has {@code parentConfig}) in the new cluster;
 *   <li>the pivot: the bootstrap controller scaled to zero (so it does not re-create what moves), {@code
 *       clusterctl move --to-kubeconfig} (https://cluster-api.sigs.k8s.io/clusterctl/commands/move), the
 *       config applied to the new cluster itself;
 *   <li>the kind cluster deleted.
 * </ol>
 * Once the new cluster holds its own CAPI Cluster, the steps before the pivot are not looked at again.
 */
public final class ManagementInstall {
  /** What to install. {@code kind}: create a kind cluster {@code bootstrapName}; else use the current kubeconfig. */
  public record Settings(Path config, String cluster, String infrastructure, String bootstrapProvider, boolean cell,
      boolean kind, String bootstrapName, String image, Optional<Path> imageArchive, Path workDir, String timeout) {}

  /** One command: its words, what goes to its stdin, and the file its stdout is written to. */
  record Command(List<String> argv, Optional<String> stdin, Optional<Path> stdoutTo) {
    static Command of(String... argv) {
      return new Command(List.of(argv), Optional.empty(), Optional.empty());
    }

    Command withStdin(String text) {
      return new Command(argv, Optional.of(text), stdoutTo);
    }

    Command writingTo(Path file) {
      return new Command(argv, stdin, Optional.of(file));
    }

    @Override
    public String toString() {
      return String.join(" ", argv) + stdin.map(s -> " <<documents").orElse("") + stdoutTo.map(f -> " > " + f).orElse("");
    }
  }

  /** A probe: done when {@code command} exits 0 and its output passes {@code output}. */
  record Probe(Command command, Predicate<String> output) {
    static Probe exits(Command c) {
      return new Probe(c, out -> true);
    }
  }

  /** A step: its name, the probe that says it is done (none: always run), its commands. */
  record Step(String name, Optional<Probe> done, List<Command> commands) {}

  private final Settings s;
  private final Tools tools;
  private final PrintWriter out;

  public ManagementInstall(Settings settings, String path, PrintWriter out) {
    this.s = settings;
    this.tools = new Tools(path, settings.workDir());
    this.out = out;
  }

  Path bootstrapKubeconfig() {
    return s.workDir().resolve("bootstrap.kubeconfig");
  }

  Path clusterKubeconfig() {
    return s.workDir().resolve(s.cluster() + ".kubeconfig");
  }

  private List<String> kubectl(Path kubeconfig, boolean bootstrap, String... args) {
    List<String> argv = new ArrayList<>(List.of("kubectl"));
    if (!bootstrap || s.kind()) {
      argv.addAll(List.of("--kubeconfig", kubeconfig.toString()));
    }
    argv.addAll(List.of(args));
    return argv;
  }

  private Command onBootstrap(String... args) {
    return new Command(kubectl(bootstrapKubeconfig(), true, args), Optional.empty(), Optional.empty());
  }

  private Command onCluster(String... args) {
    return new Command(kubectl(clusterKubeconfig(), false, args), Optional.empty(), Optional.empty());
  }

  private List<String> kubeconfigFlag(Path kubeconfig, boolean bootstrap) {
    return !bootstrap || s.kind() ? List.of("--kubeconfig", kubeconfig.toString()) : List.of();
  }

  private Command clusterctlInit(Path kubeconfig, boolean bootstrap) {
    List<String> argv = new ArrayList<>(List.of("clusterctl", "init"));
    argv.addAll(kubeconfigFlag(kubeconfig, bootstrap));
    argv.addAll(List.of("--infrastructure", s.infrastructure()));
    if (s.bootstrapProvider().equals("rke2")) {
      argv.addAll(List.of("--bootstrap", "rke2", "--control-plane", "rke2"));
    }
    argv.add("--wait-providers");
    return new Command(argv, Optional.empty(), Optional.empty());
  }

  String manifests(boolean target) {
    Optional<CellInstall> cell = target && s.cell() ? Optional.of(CellInstall.of(s.cluster())) : Optional.empty();
    return InstallManifests.toYaml(InstallManifests.all(s.image(), cell));
  }

  /** Every step, in order. */
  List<Step> steps() {
    String ns = "capi-" + s.cluster();
    String capiCluster = "clusters.cluster.x-k8s.io/" + s.cluster();
    List<Step> steps = new ArrayList<>();
    Predicate<String> listsBootstrap = o -> o.lines().anyMatch(l -> l.trim().equals(s.bootstrapName()));
    if (s.kind()) {
      steps.add(new Step("bootstrap cluster", Optional.of(new Probe(Command.of("kind", "get", "clusters"), listsBootstrap)),
          List.of(Command.of("kind", "create", "cluster", "--name", s.bootstrapName(), "--wait", "5m"))));
      steps.add(new Step("bootstrap kubeconfig", Optional.empty(),
          List.of(Command.of("kind", "get", "kubeconfig", "--name", s.bootstrapName()).writingTo(bootstrapKubeconfig()))));
      s.imageArchive().ifPresent(a -> steps.add(new Step("controller image", Optional.empty(),
          List.of(Command.of("kind", "load", "image-archive", a.toString(), "--name", s.bootstrapName())))));
    }
    steps.add(new Step("providers in the bootstrap cluster", Optional.of(Probe.exits(onBootstrap("get", "namespace", "capi-system"))),
        List.of(clusterctlInit(bootstrapKubeconfig(), true))));
    steps.add(new Step("lattice in the bootstrap cluster",
        // done when the controller is Available (https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#deployment-status)
        Optional.of(Probe.exits(onBootstrap("wait", "--for=condition=Available", "deployment/lattice-controller", "-n",
            "lattice-system", "--timeout", "10s"))),
        List.of(onBootstrap("apply", "--server-side", "-f", "-").withStdin(manifests(false)),
            onBootstrap("rollout", "status", "deployment/lattice-controller", "-n", "lattice-system", "--timeout", s.timeout()))));
    steps.add(new Step("the cluster", Optional.of(Probe.exits(onBootstrap("get", "latticeclusters.lattice.dev", s.cluster()))),
        List.of(onBootstrap("apply", "-f", s.config().toString()))));
    steps.add(new Step("provisioned", Optional.empty(), List.of(
        onBootstrap("wait", "--for=condition=ControlPlaneInitialized", capiCluster, "-n", ns, "--timeout", s.timeout()),
        clusterctl(List.of("get", "kubeconfig", s.cluster(), "-n", ns), bootstrapKubeconfig(), true).writingTo(clusterKubeconfig()))));
    steps.add(new Step("providers in the cluster", Optional.of(Probe.exits(onCluster("get", "namespace", "capi-system"))),
        List.of(clusterctlInit(clusterKubeconfig(), false))));
    steps.add(new Step("lattice in the cluster",
        Optional.of(Probe.exits(onCluster("get", "deployment", "lattice-controller", "-n", "lattice-system"))),
        List.of(onCluster("apply", "--server-side", "-f", "-").withStdin(manifests(true)))));
    steps.add(pivot(ns));
    steps.add(new Step("the cluster manages itself", Optional.of(Probe.exits(onCluster("get", "latticeclusters.lattice.dev", s.cluster()))),
        List.of(onCluster("apply", "-f", s.config().toString()))));
    if (s.kind()) {
      steps.add(new Step("delete the bootstrap cluster",
          Optional.of(new Probe(Command.of("kind", "get", "clusters"), listsBootstrap.negate())),
          List.of(Command.of("kind", "delete", "cluster", "--name", s.bootstrapName()))));
    }
    return steps;
  }

  static final String PIVOT = "pivot";

  private Step pivot(String ns) {
    List<String> move = new ArrayList<>(List.of("move", "-n", ns, "--to-kubeconfig", clusterKubeconfig().toString()));
    return new Step(PIVOT, Optional.of(Probe.exits(onCluster("get", "clusters.cluster.x-k8s.io", s.cluster(), "-n", ns))), List.of(
        onBootstrap("scale", "deployment/lattice-controller", "-n", "lattice-system", "--replicas", "0"),
        clusterctl(move, bootstrapKubeconfig(), true)));
  }

  private Command clusterctl(List<String> args, Path kubeconfig, boolean bootstrap) {
    List<String> argv = new ArrayList<>(List.of("clusterctl"));
    argv.addAll(args);
    argv.addAll(kubeconfigFlag(kubeconfig, bootstrap));
    return new Command(argv, Optional.empty(), Optional.empty());
  }

  /** Prints every step, its commands and the documents it applies; runs nothing. */
  public void dryRun() {
    int i = 1;
    List<Step> steps = steps();
    for (Step step : steps) {
      out.println("step " + i++ + "/" + steps.size() + ": " + step.name());
      step.commands().forEach(c -> out.println("  " + c));
    }
    out.println("--- documents applied to the bootstrap cluster (lattice install-manifests)");
    out.print(manifests(false));
    out.println("--- documents applied to " + s.cluster() + " (lattice install-manifests" + (s.cell() ? " --cell " + s.cluster() : "") + ")");
    out.print(manifests(true));
    out.flush();
  }

  /** Runs the steps not done yet; throws {@link InstallException} naming the step that failed. */
  public void run() {
    for (String tool : List.of("kubectl", "clusterctl")) {
      tools.find(tool);
    }
    if (s.kind()) {
      tools.find("kind");
    }
    try {
      Files.createDirectories(s.workDir());
    } catch (IOException e) {
      throw new InstallException("cannot create " + s.workDir() + ": " + e.getMessage());
    }
    List<Step> steps = steps();
    int pivot = indexOf(steps, PIVOT);
    boolean pivoted = Files.exists(clusterKubeconfig()) && isDone(steps.get(pivot));
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String label = "step " + (i + 1) + "/" + steps.size() + ": " + step.name();
      if ((pivoted && i <= pivot) || isDone(step)) {
        say(label + ": done already");
        continue;
      }
      say(label);
      for (Command c : step.commands()) {
        say("  " + c);
        Tools.Result r = tools.run(c.argv(), c.stdin());
        if (!r.ok()) {
          throw new InstallException(label + " failed: " + String.join(" ", c.argv()) + " exited " + r.exit()
              + lastLines(r.err().isBlank() ? r.out() : r.err()) + "\nre-run lattice install to continue from this step");
        }
        if (c.stdoutTo().isPresent()) {
          write(c.stdoutTo().get(), r.out());
        }
      }
    }
    say("done: " + s.cluster() + " manages itself; its kubeconfig is " + clusterKubeconfig());
  }

  private boolean isDone(Step step) {
    if (step.done().isEmpty()) {
      return false;
    }
    Probe p = step.done().get();
    if (p.command().argv().contains(clusterKubeconfig().toString()) && !Files.exists(clusterKubeconfig())) {
      return false;
    }
    Tools.Result r = tools.run(p.command().argv(), Optional.empty());
    return r.ok() && p.output().test(r.out());
  }

  private static int indexOf(List<Step> steps, String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException(name);
  }

  private static String lastLines(String text) {
    List<String> lines = text.lines().toList();
    return lines.isEmpty() ? "" : ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  private static void write(Path file, String text) {
    try {
      Path tmp = Files.createTempFile(file.getParent(), ".kubeconfig", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new InstallException("cannot write " + file + ": " + e.getMessage());
    }
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }
}
