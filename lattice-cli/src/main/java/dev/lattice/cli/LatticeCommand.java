package dev.lattice.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lattice} command: {@code validate}, {@code compile}, {@code explain}, {@code graph}, {@code bench},
 * {@code crds}, {@code install-manifests}, {@code controller}, and the GitOps repository commands
 * {@code cluster}, {@code service}, {@code placement} and {@code flux}. Exit codes: 0
 * ok, 1 input errors (nothing written), 2 usage, 3 internal error (a bug; the stack trace is
 * printed).
 */
@Command(
    name = "lattice",
    mixinStandardHelpOptions = true,
    versionProvider = LatticeCommand.Version.class,
    description = "Compiles Lattice intent into Kubernetes documents.")
public final class LatticeCommand implements Runnable {
  /**
   * The subcommands, in the order {@code --help} lists them. Only the one a command line names is
   * built (picocli reflects over every option of every command it is given, which loads most of the
   * libraries behind them): {@code lattice --version} and {@code lattice validate} start in a
   * fraction of the time. A line naming no known command gets all of them, for help and suggestions.
   */
  static final List<Class<?>> COMMANDS = List.of(ValidateCommand.class, CompileCommand.class, CheckCommand.class,
      ExplainCommand.class, GraphCommand.class, BenchCommand.class,
      InstallCommands.Crds.class, InstallCommands.Install.class, ManagementInstallCommand.class,
      dev.lattice.runtime.link.wiring.CellControllerCommand.class,
      dev.lattice.runtime.link.cli.CellCommand.class, dev.lattice.runtime.link.cli.AgentCommand.class,
      ClusterCommand.class, ServiceCommand.class, PlacementCommand.class, FluxCommand.class);

  static final int OK = 0;
  static final int INPUT_ERRORS = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Standard input, for {@code -} as a path (a test passes its own). */
  private final java.io.InputStream stdin;

  LatticeCommand(java.io.InputStream stdin) {
    this.stdin = stdin;
  }

  /** The standard input of the command line {@code spec} belongs to. */
  static java.io.InputStream stdin(CommandLine.Model.CommandSpec spec) {
    return spec.root().userObject() instanceof LatticeCommand root ? root.stdin : System.in;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing command: validate, compile, check, explain, graph, bench, crds, install-manifests, controller, cluster, service, placement or flux");
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command with the given streams; returns the exit code (used by tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, System.in, out, err);
  }

  /** Runs the command with the given streams, {@code in} as standard input; returns the exit code. */
  public static int execute(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new LatticeCommand(in));
    commandsFor(args).forEach(cli::addSubcommand);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : INTERNAL);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("lattice: " + dev.lattice.model.diagnostics.Escapes.text(String.valueOf(e.getMessage())));
      err.println("try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((e, c, parsed) -> {
      Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
      if (cause instanceof java.nio.file.FileSystemException fs) {
        // the operating system refused a file a command line named or a command writes (missing,
        // permission denied, disk full, read-only): an operator's mistake or the machine's, never a bug
        boolean missing = fs instanceof java.nio.file.NoSuchFileException;
        err.println("lattice: " + c.getCommandSpec().qualifiedName().replaceFirst("^lattice ", "") + ": "
            + dev.lattice.model.diagnostics.Escapes.text((missing ? "no such file: " + fs.getFile() : OutputFolder.reason(fs))));
        return missing ? USAGE : INPUT_ERRORS;
      }
      err.println("lattice: internal error (this is a bug in Lattice, please report it):");
      e.printStackTrace(err);
      return INTERNAL;
    });
    // written before the command runs: once the heap is exhausted, even linking a string concatenation fails
    String outOfMemory = "lattice: out of memory: the JVM's heap limit is " + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB; run it with a larger one, e.g. LATTICE_JAVA_OPTS=-Xmx4g ./lattice ... (docs/PERFORMANCE.md gives the heap"
        + " each fleet size needs); nothing was written as a result";
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // the machine's limit, not a bug: say which limit and how to raise it (no stack trace)
      err.println(outOfMemory);
      code = INPUT_ERRORS;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The subcommands a command line needs: none for top-level options, the named one, or all. */
  static List<Class<?>> commandsFor(String[] args) {
    String first = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    boolean onlyTopLevelOptions = first == null && args.length > 0
        && Arrays.stream(args).allMatch(a -> a.equals("--version") || a.equals("-V"));
    if (onlyTopLevelOptions) {
      return List.of();
    }
    if (first != null && args[0].equals(first)) {
      for (Class<?> c : COMMANDS) {
        Command command = c.getAnnotation(Command.class);
        if (command.name().equals(first) || Arrays.asList(command.aliases()).contains(first)) {
          return List.of(c);
        }
      }
    }
    return COMMANDS;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = LatticeCommand.class.getPackage().getImplementationVersion();
      return new String[] {"lattice " + (v == null ? "(development build)" : v)};
    }
  }
}
