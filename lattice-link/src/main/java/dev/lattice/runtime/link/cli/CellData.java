package dev.lattice.runtime.link.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lattice.model.cluster.LatticeClusterStatus.ChildHealth;
import dev.lattice.runtime.link.cell.ChildRegistry;
import dev.lattice.runtime.link.cell.FileCommandStore;
import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import dev.lattice.runtime.link.pki.OwnerOnly;
import dev.lattice.runtime.link.pki.Pem;
import dev.lattice.runtime.link.pki.Revocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cell's {@code --data} directory: {@code ca.crt} (the bundle agents trust), {@code ca.key} and
 * {@code tokens} (owner-only), {@code children.json} (each child's last health, written by the running
 * cell), {@code endpoint} (the bound addresses of the running cell), {@code issued} (the serial of
 * every agent certificate, by cluster), {@code revoked} and {@code commands/} (the command books), and
 * {@code .lock}, locked by the running cell ({@link #lockForCell}). A CA is created only when asked
 * ({@link NewCa}), and never over one of its two files ({@link #authority}).
 */
public final class CellData {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CellData.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** The lock file a running cell holds ({@link FileChannel#tryLock}). */
  static final String LOCK = ".lock";
  private final Path dir;
  /** The lock this cell holds ({@link #lockForCell}), or null. */
  private Lock mine;

  public CellData(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * When a new CA may be made in a folder that has neither {@code ca.crt} nor {@code ca.key} (never
   * when it has one of them, or a trace of an earlier cell). {@code option} names the flag that allows
   * it, for the messages.
   */
  public enum NewCa {
    /** Never: {@code cell}, {@code cell token} without {@code --init}. */
    REFUSE("--init"),
    /** In a folder that exists and holds no cell file (the hosted cell's PVC on first start). */
    IN_EXISTING_FOLDER("--cell-init"),
    /** Also in a folder that does not exist yet (made 0700): {@code --init}, {@code --cell-init}. */
    ALLOWED("--init");

    private final String option;

    NewCa(String option) {
      this.option = option;
    }
  }

  /**
   * The folder cannot serve as this cell's data: a missing folder (exit 2, a usage error: the path),
   * a missing, corrupt or mismatched {@code ca.crt}/{@code ca.key}, or another cell holding the lock
   * (exit 1). The message names the file and what to do.
   */
  public static final class Unusable extends IOException {
    private final int exitCode;

    Unusable(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    /** 2 for a folder that does not exist, 1 otherwise. */
    int exitCode() {
      return exitCode;
    }
  }

  /** The lock of a running cell on its folder ({@code .lock}); {@link #close} releases it. */
  public static final class Lock implements AutoCloseable {
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private Lock(Path key, FileChannel channel, FileLock lock) {
      this.key = key;
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // the lock goes with the channel, and with the process
      } finally {
        HELD.remove(key);
      }
    }
  }

  /**
   * The data folders this JVM holds the lock of. A second channel on a locked file must not be
   * opened and closed in the same process: closing it would drop the process's POSIX lock.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  /** The files an earlier cell leaves: their presence without a CA means the CA was lost. */
  private static final List<String> STATE = List.of("issued", "revoked", "tokens", "children.json", "commands",
      "endpoint", "proxies");

  /**
   * Makes sure the folder exists ({@code newCa} {@link NewCa#ALLOWED}: creates it, 0700) and takes
   * its lock for as long as this cell runs: a second cell on the same folder is refused.
   *
   * @throws Unusable when the folder does not exist and may not be created, or another cell (in this
   *     process or another) holds {@code DIR/.lock}
   */
  public Lock lockForCell(NewCa newCa) throws IOException {
    folder(newCa);
    Lock l = tryLock();
    if (l == null) {
      throw new Unusable(1, "another cell is running on " + dir + " (it holds " + dir.resolve(LOCK)
          + "): stop it first, or give this cell its own --data folder");
    }
    mine = l;
    return l;
  }

  /**
   * The CA of this folder: loaded (and checked: both files PEM, the certificate a CA, the key its
   * key) when {@code ca.crt} and {@code ca.key} exist; created (key owner-only) when neither does and
   * {@code newCa} allows it, under the folder's lock (taken briefly unless this cell holds it). A new
   * CA is never made over one of the two files, nor in a folder with the state of an earlier cell.
   *
   * @throws Unusable naming the file and what to do, when the folder or its CA cannot be used
   */
  CellAuthority authority(Clock clock, NewCa newCa) throws IOException {
    folder(newCa);
    Path crt = dir.resolve("ca.crt");
    Path key = dir.resolve("ca.key");
    if (exists(crt) || exists(key) || mine != null) {
      return loadOrCreate(clock, newCa);
    }
    Lock l = tryLock();
    if (l == null) {
      if (exists(crt) || exists(key)) {
        return loadOrCreate(clock, NewCa.REFUSE);
      }
      throw new Unusable(1, "a cell is starting on " + dir + " (it holds " + dir.resolve(LOCK)
          + ") and has no CA yet: try again in a moment");
    }
    try (l) {
      return loadOrCreate(clock, newCa);
    }
  }

  private CellAuthority loadOrCreate(Clock clock, NewCa newCa) throws IOException {
    Path crt = dir.resolve("ca.crt");
    Path key = dir.resolve("ca.key");
    boolean hasCrt = exists(crt);
    boolean hasKey = exists(key);
    String never = " (the cell never makes a new CA over an existing one: every enrolled agent trusts the old CA)";
    if (hasCrt && !hasKey) {
      throw new Unusable(1, "cannot use the cell's CA: " + key + " is missing but " + crt + " exists: restore ca.key from "
          + "a backup of " + dir + "; it cannot be recovered otherwise. To start a new cell instead (every agent "
          + "must enrol again), move " + dir + " away and run with " + newCa.option + never);
    }
    if (hasKey && !hasCrt) {
      throw new Unusable(1, "cannot use the cell's CA: " + crt + " is missing but " + key + " exists: restore ca.crt from "
          + "a backup of " + dir + " (an enrolled agent's ca.crt is the same certificate); if a first " + newCa.option
          + " was interrupted, remove ca.key and run again with " + newCa.option + never);
    }
    if (hasCrt) {
      return CaFiles.load(clock, crt, key);
    }
    if (newCa == NewCa.REFUSE) {
      throw new Unusable(1, dir + " holds no cell CA (neither ca.crt nor ca.key): give " + newCa.option
          + " to create a new cell there, or check --data");
    }
    List<String> traces = new ArrayList<>();
    for (String name : STATE) {
      if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        traces.add(name);
      }
    }
    if (!traces.isEmpty()) {
      throw new Unusable(1, "cannot use the cell's CA: " + dir + " holds the state of an earlier cell (" + String.join(", ", traces)
          + ") but neither ca.crt nor ca.key: the CA was lost. Restore both from a backup; to start a new cell instead "
          + "(every agent must enrol again), move " + dir + " away and run with " + newCa.option + never);
    }
    CellAuthority ca = CellAuthority.create("lattice-cell-ca", Duration.ofDays(3650), clock);
    Path keyTmp = dir.resolve("ca.key.tmp");
    OwnerOnly.write(keyTmp, Pem.privateKey(ca.key()));
    Files.move(keyTmp, key, StandardCopyOption.ATOMIC_MOVE);
    Path crtTmp = dir.resolve("ca.crt.tmp");
    Files.writeString(crtTmp, ca.bundlePem());
    Files.move(crtTmp, crt, StandardCopyOption.ATOMIC_MOVE);
    return ca;
  }

  private void folder(NewCa newCa) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new Unusable(2, "--data " + dir + " is not a folder");
    }
    if (newCa != NewCa.ALLOWED) {
      throw new Unusable(2, "no cell data folder " + dir + ": check the path, or give " + newCa.option
          + " to create a new cell (a new CA) there");
    }
    OwnerOnly.directory(dir);
  }

  private static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }

  private static Path key(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  /** The folder's lock, or null when another cell holds it. */
  private Lock tryLock() throws IOException {
    Path k = key(dir);
    if (!HELD.add(k)) {
      return null;
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l = ch.tryLock();
      if (l == null) {
        ch.close();
        HELD.remove(k);
        return null;
      }
      return new Lock(k, ch, l);
    } catch (OverlappingFileLockException e) {
      ch.close();
      HELD.remove(k);
      return null;
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      HELD.remove(k);
      throw e;
    }
  }

  /** The token store shared by the running cell and {@code cell token}. */
  BootstrapTokens tokens(Clock clock) throws IOException {
    OwnerOnly.directory(dir);
    return new BootstrapTokens(clock, dir.resolve("tokens"));
  }

  /** Replaces {@code children.json} with {@code health}. */
  void writeChildren(Map<String, ChildHealth> health) throws IOException {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    health.forEach((name, h) -> out.put(name, ChildRegistry.fields(h)));
    replace("children.json", JSON.writeValueAsString(out) + "\n");
  }

  /**
   * The children as the cell last wrote them (empty when it never did).
   *
   * @throws Unusable naming the file, line and column when it is not a JSON object (truncated: the
   *     running cell rewrites it every second)
   */
  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> readChildren() throws IOException {
    Path f = dir.resolve("children.json");
    if (!Files.exists(f)) {
      return new TreeMap<>();
    }
    try {
      return JSON.readValue(f.toFile(), TreeMap.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? f.toString() : f + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new Unusable(1, where + ": not the children's health as the cell writes it (" + e.getOriginalMessage()
          + "); a running cell rewrites it within a second, so try again; a stopped cell leaves it as it is");
    }
  }

  /** Records where the running cell listens: {@code grpc=HOST:PORT} and {@code bootstrap=https://HOST:PORT}. */
  void writeEndpoint(String grpc, String bootstrapUrl) throws IOException {
    replace("endpoint", "grpc=" + grpc + "\nbootstrap=" + bootstrapUrl + "\n");
  }

  /** The command books of the children, in {@code commands/<cluster>/}. */
  FileCommandStore commands() {
    return new FileCommandStore(dir.resolve("commands"));
  }

  /** The revoked certificates, in {@code revoked}. */
  Revocations revocations() {
    return new Revocations(dir.resolve("revoked"));
  }

  /** The serials of every certificate issued to {@code cluster}, oldest first. */
  List<BigInteger> issuedTo(String cluster) throws IOException {
    Path f = dir.resolve("issued");
    List<BigInteger> out = new ArrayList<>();
    if (Files.exists(f)) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        String[] p = lines.get(i).trim().split(" ");
        if (p.length == 2 && p[0].equals(cluster)) {
          try {
            out.add(new BigInteger(p[1], 16));
          } catch (NumberFormatException e) {
            LOG.warn("link: {}:{}: not an issued certificate (expected <cluster> <serial hex>): skipped", f, i + 1);
          }
        }
      }
    }
    return out;
  }

  /** Appends {@code <cluster> <serial hex>} to {@code issued}: every certificate enrolment gave out. */
  synchronized void recordIssued(String cluster, X509Certificate cert) {
    try {
      Files.writeString(dir.resolve("issued"), cluster + " " + cert.getSerialNumber().toString(16) + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the certificate of " + cluster, e);
    }
  }

  private void replace(String name, String text) throws IOException {
    Path tmp = dir.resolve(name + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
