package dev.lattice.runtime.link.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lattice.runtime.link.cli.CellData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller replica whose cell cannot start (its {@code --cell-data} folder is missing) says why
 * once and asks again later (issue #16, item 3; moved here from {@code cli.CellDataGuardTest}).
 */
class LeaderOnlyCellRetryTest {
  @TempDir
  Path tmp;

  @Test
  void theControllerSaysOnceWhyItsCellDoesNotRunAndKeepsAskingAgain() throws Exception {
    Path missing = tmp.resolve("pvc-not-mounted");
    StringWriter out = new StringWriter();
    LeaderOnlyCell cell = new LeaderOnlyCell(() -> {
      new CellData(missing).lockForCell(CellData.NewCa.IN_EXISTING_FOLDER);
      throw new AssertionError("the folder should have been refused");
    }, Duration.ofSeconds(5), new PrintWriter(out, true));
    cell.started();
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.of(Duration.ofSeconds(5)), cell.hook().reconciled("edge"), "asked again later");
    }
    assertFalse(cell.serving());
    String line = "cell: the cell does not run: no cell data folder " + missing;
    assertEquals(1, out.toString().split(java.util.regex.Pattern.quote(line), -1).length - 1, "said once: " + out);
    assertFalse(out.toString().contains("Exception"), out.toString());
    assertFalse(Files.exists(missing));
    cell.close();
  }
}
