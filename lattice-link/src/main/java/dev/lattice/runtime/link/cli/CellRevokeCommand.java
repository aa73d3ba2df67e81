package dev.lattice.runtime.link.cli;

import dev.lattice.runtime.link.pki.Revocations;
import java.math.BigInteger;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cell revoke}: revokes every certificate the cell of {@code --data} issued to a target.cluster (its
 * current one and any earlier). A running cell closes the cluster's live stream within a second and
 * refuses its next connection with {@code UNAUTHENTICATED: client certificate revoked}; the agent
 * needs a new token to enrol again. Exit 1 when the target.cluster never enrolled.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
    description = "Revoke a cluster's certificate: its stream is closed and its next connection refused.")
final class CellRevokeCommand implements Callable<Integer> {
  @Mixin
  CellClusterOptions target;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CellData store = new CellData(target.data);
    List<BigInteger> issued = store.issuedTo(target.cluster);
    if (issued.isEmpty()) {
      spec.commandLine().getErr().println("cell revoke: no certificate was issued to cluster " + target.cluster + " by "
          + target.data);
      return 1;
    }
    Revocations revocations = store.revocations();
    int n = 0;
    for (BigInteger serial : issued) {
      if (!revocations.isRevoked(serial)) {
        revocations.revoke(serial, target.cluster);
        n++;
      }
    }
    out.println("cell: revoked " + n + " certificate(s) of cluster " + target.cluster + " (" + issued.size()
        + " issued, serial of the current one " + issued.get(issued.size() - 1).toString(16) + ")");
    return 0;
  }
}
