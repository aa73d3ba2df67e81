package dev.lattice.runtime.link.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lattice.runtime.link.LinkFixture;
import dev.lattice.runtime.link.cli.LinkCliTest.Run;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.Fingerprints;
import dev.lattice.runtime.link.pki.Pem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cell never re-keys itself (issue #16, item 3): a missing, partial or corrupt CA in {@code --data}
 * is an error naming the file (the other file keeps its bytes), a mistyped {@code --data} creates
 * nothing unless {@code --init} is given, and a second cell on one folder is refused by its lock.
 * Files are damaged by content (garbage, a directory in place of a file), not by mode: tests run as root.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CellDataGuardTest {
  @TempDir
  Path tmp;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() throws Exception {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(20, TimeUnit.SECONDS), "commands stop when interrupted");
  }

  private static Run token(Path dir, String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "token";
    args[1] = "--data";
    args[2] = dir.toString();
    args[3] = "--cluster";
    args[4] = "child-a";
    System.arraycopy(more, 0, args, 5, more.length);
    return LinkCliTest.run(new CellCommand(), args);
  }

  private static Run cell(Path dir, String... more) {
    String[] args = new String[8 + more.length];
    System.arraycopy(new String[] {"--grpc", "127.0.0.1:0", "--bootstrap", "127.0.0.1:0", "--data", dir.toString(),
        "--heartbeat-seconds", "1"}, 0, args, 0, 8);
    System.arraycopy(more, 0, args, 8, more.length);
    return LinkCliTest.run(new CellCommand(), args);
  }

  /** A cell folder made by {@code cell token --init}. */
  private Path initialised(String name) {
    Path dir = tmp.resolve(name);
    Run r = token(dir, "--init");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(dir.resolve("ca.crt")) && Files.isRegularFile(dir.resolve("ca.key")));
    return dir;
  }

  private static void refused(int code, Run r, String... messages) {
    assertEquals(code, r.code(), r.out() + r.err());
    for (String m : messages) {
      assertTrue(r.err().contains(m), "expected '" + m + "' in: " + r.err());
    }
    assertFalse(r.err().contains("Exception\n") || r.err().contains("\tat "), "a message, not a stack trace: " + r.err());
  }

  @Test
  void aMissingCaCrtBesideItsKeyIsRefusedAndTheKeyIsKept() throws Exception {
    Path dir = initialised("cell");
    byte[] key = Files.readAllBytes(dir.resolve("ca.key"));
    Files.delete(dir.resolve("ca.crt"));
    for (Run r : List.of(cell(dir, "--init"), cell(dir), token(dir, "--init"), token(dir))) {
      refused(1, r, dir.resolve("ca.crt") + " is missing but " + dir.resolve("ca.key") + " exists", "restore ca.crt");
      assertArrayEquals(key, Files.readAllBytes(dir.resolve("ca.key")), "ca.key unchanged");
      assertFalse(Files.exists(dir.resolve("ca.crt")), "no new ca.crt");
    }
    assertFalse(Files.exists(dir.resolve("endpoint")), "no cell started");
  }

  @Test
  void aMissingCaKeyIsRefusedAndTheCertificateIsKept() throws Exception {
    Path dir = initialised("cell");
    byte[] crt = Files.readAllBytes(dir.resolve("ca.crt"));
    Files.delete(dir.resolve("ca.key"));
    for (Run r : List.of(cell(dir, "--init"), token(dir, "--init"))) {
      refused(1, r, dir.resolve("ca.key") + " is missing but " + dir.resolve("ca.crt") + " exists", "restore ca.key");
      assertArrayEquals(crt, Files.readAllBytes(dir.resolve("ca.crt")), "ca.crt unchanged");
      assertFalse(Files.exists(dir.resolve("ca.key")), "no new ca.key");
    }
  }

  @Test
  void aCorruptOrUnreadableCaIsRefusedNamingTheFile() throws Exception {
    Path dir = initialised("cell");
    Path crt = dir.resolve("ca.crt");
    Path key = dir.resolve("ca.key");
    byte[] goodCrt = Files.readAllBytes(crt);
    byte[] goodKey = Files.readAllBytes(key);

    Files.writeString(crt, "-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n");
    refused(1, cell(dir, "--init"), crt + " is not a PEM certificate");
    refused(1, token(dir, "--init"), crt + " is not a PEM certificate");
    assertArrayEquals(goodKey, Files.readAllBytes(key), "ca.key unchanged");

    Files.write(crt, new byte[0]); // a write cut short
    refused(1, token(dir, "--init"), crt + " is not a PEM certificate");

    Files.delete(crt);
    Files.createDirectory(crt); // unreadable as a file
    refused(1, cell(dir, "--init"), crt + " is not a regular file");
    assertArrayEquals(goodKey, Files.readAllBytes(key), "ca.key unchanged");
    Files.delete(crt);
    Files.write(crt, goodCrt);

    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    refused(1, token(dir, "--init"), key + " is not a PEM EC private key");
    assertArrayEquals(goodCrt, Files.readAllBytes(crt), "ca.crt unchanged");

    // the key of another CA beside this certificate: refused, not used to sign under the wrong name
    CellAuthority other = CellAuthority.create("other", Duration.ofDays(1), Clock.systemUTC());
    Files.writeString(key, Pem.privateKey(other.key()));
    refused(1, cell(dir, "--init"), key + " is not the key of " + crt);

    Files.write(key, goodKey);
    Run ok = token(dir);
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().trim().endsWith("." + Fingerprints.pin(Pem.certificates(new String(goodCrt, StandardCharsets.US_ASCII)).get(0))),
        "the restored CA is used again: " + ok.out());
  }

  @Test
  void aMissingFolderWithoutInitIsRefusedAndNothingIsCreated() throws Exception {
    Path typo = tmp.resolve("cel");
    refused(2, token(typo), "no cell data folder " + typo, "--init");
    refused(2, cell(typo), "no cell data folder " + typo, "--init");
    Files.writeString(tmp.resolve("doc.json"), "{}");
    refused(2, LinkCliTest.run(new CellCommand(), "send", "--data", typo.toString(), "--cluster", "child-a",
        tmp.resolve("doc.json").toString()), "no cell data folder " + typo);
    assertFalse(Files.exists(typo), "a typo creates no folder");

    Path empty = Files.createDirectory(tmp.resolve("empty"));
    refused(1, token(empty), empty + " holds no cell CA", "--init");
    refused(1, cell(empty), empty + " holds no cell CA");
    try (var list = Files.list(empty)) {
      assertTrue(list.noneMatch(p -> p.getFileName().toString().startsWith("ca.")), "no CA in an existing folder without --init");
    }
  }

  @Test
  void withInitTheFolderAndItsCaAreCreatedOnceAndThenKept() throws Exception {
    Path dir = tmp.resolve("new/cell");
    Run r = token(dir, "--init");
    assertEquals(0, r.code(), r.err());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key"))));
    String pin = Fingerprints.pin(Pem.certificates(Files.readString(dir.resolve("ca.crt"))).get(0));
    assertTrue(r.out().trim().endsWith("." + pin), r.out());
    byte[] key = Files.readAllBytes(dir.resolve("ca.key"));
    Run again = token(dir, "--init");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().trim().endsWith("." + pin), "--init again keeps the CA");
    assertArrayEquals(key, Files.readAllBytes(dir.resolve("ca.key")));
    assertFalse(Files.exists(dir.resolve("ca.key.tmp")) || Files.exists(dir.resolve("ca.crt.tmp")), "no temporary files left");
  }

  @Test
  void aFolderWithTheStateOfAnEarlierCellGetsNoNewCa() throws Exception {
    Path dir = initialised("cell");
    Files.writeString(dir.resolve("issued"), "child-a 1f\n");
    Files.delete(dir.resolve("ca.crt"));
    Files.delete(dir.resolve("ca.key"));
    refused(1, token(dir, "--init"), dir + " holds the state of an earlier cell (issued, tokens)", "the CA was lost");
    refused(1, cell(dir, "--init"), "the CA was lost");
    assertFalse(Files.exists(dir.resolve("ca.crt")) || Files.exists(dir.resolve("ca.key")), "no new CA");
  }

  @Test
  void aSecondCellOnTheSameFolderIsRefused() throws Exception {
    Path dir = tmp.resolve("cell");
    Future<Run> first = threads.submit((Callable<Run>) () -> cell(dir, "--init"));
    LinkFixture.await("first cell up", () -> Files.exists(dir.resolve("endpoint")));
    String endpoint = Files.readString(dir.resolve("endpoint"));

    Run second = cell(dir, "--init");
    refused(1, second, "another cell is running on " + dir, dir.resolve(".lock").toString());
    assertFalse(first.isDone(), "the first cell runs on");
    assertEquals(endpoint, Files.readString(dir.resolve("endpoint")), "the second cell wrote nothing");

    Run t = token(dir);
    assertEquals(0, t.code(), "cell token works beside the running cell: " + t.err());

    first.cancel(true); // interrupts the command: it closes the cell, which releases the lock
    CellProcess[] next = new CellProcess[1];
    LinkFixture.await("a cell starts again on the folder once the first stopped", () -> {
      try {
        next[0] = hosted(dir, CellData.NewCa.REFUSE);
        return true;
      } catch (CellData.Unusable e) {
        assertTrue(e.getMessage().contains("another cell is running"), e.getMessage());
        return false;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    next[0].close();
  }

  @Test
  void aLockHeldByAnotherProcessRefusesTheCell() throws Exception {
    Path dir = initialised("cell");
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), dir.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", lines.readLine(), "the other process holds the lock");
      refused(1, cell(dir), "another cell is running on " + dir);
      assertFalse(Files.exists(dir.resolve("endpoint")), "the cell did not start");
    } finally {
      holder.destroy();
      holder.waitFor(20, TimeUnit.SECONDS);
    }
    Future<Run> after = threads.submit((Callable<Run>) () -> cell(dir));
    LinkFixture.await("the cell starts once the other process is gone", () -> Files.exists(dir.resolve("endpoint")));
    assertFalse(after.isDone());
  }

  @Test
  void theHostedCellMakesItsCaOnlyInAnExistingFolderAndNeverOverAPartialOne() throws Exception {
    Path missing = tmp.resolve("pvc-not-mounted");
    CellData.Unusable gone = assertThrows(CellData.Unusable.class, () -> hosted(missing, CellData.NewCa.IN_EXISTING_FOLDER));
    assertEquals(2, gone.exitCode());
    assertTrue(gone.getMessage().contains("no cell data folder " + missing) && gone.getMessage().contains("--cell-init"),
        gone.getMessage());
    assertFalse(Files.exists(missing));

    Path pvc = Files.createDirectories(tmp.resolve("pvc"));
    Files.createDirectory(pvc.resolve("lost+found"));
    try (CellProcess p = hosted(pvc, CellData.NewCa.IN_EXISTING_FOLDER)) {
      assertTrue(Files.exists(pvc.resolve("ca.key")));
      CellData.Unusable twice = assertThrows(CellData.Unusable.class, () -> hosted(pvc, CellData.NewCa.IN_EXISTING_FOLDER));
      assertTrue(twice.getMessage().contains("another cell is running on " + pvc), twice.getMessage());
    }
    byte[] key = Files.readAllBytes(pvc.resolve("ca.key"));
    Files.delete(pvc.resolve("ca.crt"));
    CellData.Unusable partial = assertThrows(CellData.Unusable.class, () -> hosted(pvc, CellData.NewCa.ALLOWED));
    assertEquals(1, partial.exitCode());
    assertTrue(partial.getMessage().contains(pvc.resolve("ca.crt") + " is missing"), partial.getMessage());
    assertArrayEquals(key, Files.readAllBytes(pvc.resolve("ca.key")));
    assertFalse(Files.exists(pvc.resolve("ca.crt")));

    Path fresh = tmp.resolve("fresh");
    try (CellProcess p = hosted(fresh, CellData.NewCa.ALLOWED)) {
      assertTrue(Files.exists(fresh.resolve("ca.crt")), "--cell-init creates a missing folder");
    }
  }

  private static CellProcess hosted(Path data, CellData.NewCa newCa) throws Exception {
    return CellProcess.start(new CellProcess.Options("127.0.0.1:0", "127.0.0.1:0", List.of(), data, newCa, 1, "agent:test"),
        c -> {}, new PrintWriter(new StringWriter(), true));
  }

  /** Holds a cell folder's lock in another process until killed; prints {@code locked}. */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      CellData.Lock lock = new CellData(Path.of(args[0])).lockForCell(CellData.NewCa.REFUSE);
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
      lock.close();
    }
  }
}
