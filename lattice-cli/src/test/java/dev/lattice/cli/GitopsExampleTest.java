package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code examples/gitops} is a valid repository as shipped (the example tests skip it: it is checked as a whole here). */
class GitopsExampleTest {
  @Test
  void theExampleRepositoryValidates() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LatticeCommand.execute(new String[] {"validate", "--repo", ProjectPaths.root().resolve("examples/gitops").toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).as("no warnings either").isEmpty();
    assertThat(out.toString()).startsWith("ok: repository valid");
  }
}
