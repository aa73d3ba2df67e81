package dev.lattice.emit.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The allow-list matches what the kernel resolves: merged-/usr spellings and the programs of sh -c. */
class ExecPathsTest {
  @Test
  void mergedUsrPathsAreAllowedInBothSpellings() {
    assertThat(ExecPaths.spellings("/bin/sh")).containsExactly("/bin/sh", "/usr/bin/sh");
    assertThat(ExecPaths.spellings("/usr/sbin/nginx")).containsExactly("/sbin/nginx", "/usr/sbin/nginx");
    assertThat(ExecPaths.spellings("/app/server")).containsExactly("/app/server");
  }

  @Test
  void aShellProbeAllowsTheProgramsItsScriptRunsOrRefuses() {
    assertThat(ExecPaths.isShellScript(List.of("sh", "-c", "wget -q -O- localhost:8080/healthz"))).isTrue();
    assertThat(ExecPaths.isShellScript(List.of("/app/check"))).isFalse();
    assertThat(ExecPaths.shellCommands("wget -q -O- http://localhost/ | grep ok && X=1 /bin/true")).hasValue(List.of("wget", "grep", "/bin/true"));
    assertThat(ExecPaths.shellCommands("$(which curl) localhost")).isEmpty();
  }
}
