package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.link.cell.AgentLinkService;
import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.PinnedToken;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cell token}: prints a new single-use enrolment token for one target.cluster, stored (hashed) in
 * {@code --data}, as {@code <secret>.<CA pin>} (the pin lets the agent verify the cell on first contact).
 * The folder's CA must exist, or {@code --init} is given and the folder has neither CA file (then the
 * CA is made under the folder's lock); it never replaces a missing, partial or corrupt CA.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Print a new single-use bootstrap token for an agent's enrolment.")
final class CellTokenCommand implements Callable<Integer> {
  @Mixin
  CellClusterOptions target;

  @Option(names = "--ttl", defaultValue = "1h", converter = Ttl.class, description = "Validity: a number with s, m, h or d (default 1h).")
  String ttl;

  @Option(names = "--purpose", defaultValue = AgentLinkService.ENROLL_PURPOSE,
      description = "enroll (agent --token) or bootstrap (the webhook).")
  String purpose;

  @Option(names = "--no-pin", description = "Print the bare secret, without the CA pin (the agent then needs --ca).")
  boolean noPin;

  @Option(names = "--init", description = "Create a new cell (a new CA) when --data has none; the folder is made if missing.")
  boolean init;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CellData store = new CellData(target.data);
    CellAuthority ca;
    try {
      ca = store.authority(Clock.systemUTC(), init ? CellData.NewCa.ALLOWED : CellData.NewCa.REFUSE);
    } catch (CellData.Unusable e) {
      spec.commandLine().getErr().println("cell token: " + e.getMessage());
      return e.exitCode();
    }
    BootstrapTokens tokens = store.tokens(Clock.systemUTC());
    String secret = tokens.issue(target.cluster, purpose, parse(ttl));
    spec.commandLine().getOut().println(noPin ? secret : PinnedToken.format(secret, ca.certificate()));
    return 0;
  }

  static Duration parse(String text) {
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      case 'd' -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException("--ttl: expected e.g. 30m, 1h, 2d, got " + text);
    };
  }

  /** {@code --ttl}: checked before anything runs, so a bad value is a usage error (exit 2), not a bug. */
  static final class Ttl implements picocli.CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.matches("[0-9]{1,9}[smhd]")) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a validity: a number with s, m, h or d, e.g. 30m, 1h, 2d");
      }
      return value;
    }
  }
}
