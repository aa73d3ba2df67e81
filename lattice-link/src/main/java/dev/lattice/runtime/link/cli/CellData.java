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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cell's {@code --data} directory: {@code ca.crt} (the bundle agents trust), {@code ca.key} and
 * {@code tokens} (owner-only), {@code children.json} (each child's last health, written by the running
 * cell), {@code endpoint} (the bound addresses of the running cell), {@code issued} (the serial of
 * every agent certificate, by cluster), {@code revoked} and {@code commands/} (the command books).
 */
public final class CellData {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path dir;

  public CellData(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The CA of this directory, created (key owner-only) on first use. */
  public CellAuthority authority(Clock clock) throws IOException {
    OwnerOnly.directory(dir);
    Path crt = dir.resolve("ca.crt");
    Path key = dir.resolve("ca.key");
    if (Files.exists(crt) && Files.exists(key)) {
      return CellAuthority.load(Files.readString(crt), Files.readString(key), clock);
    }
    CellAuthority ca = CellAuthority.create("lattice-cell-ca", Duration.ofDays(3650), clock);
    OwnerOnly.write(key, Pem.privateKey(ca.key()));
    Files.writeString(crt, ca.bundlePem());
    return ca;
  }

  /** The token store shared by the running cell and {@code cell token}. */
  public BootstrapTokens tokens(Clock clock) throws IOException {
    OwnerOnly.directory(dir);
    return new BootstrapTokens(clock, dir.resolve("tokens"));
  }

  /** Replaces {@code children.json} with {@code health}. */
  public void writeChildren(Map<String, ChildHealth> health) throws IOException {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    health.forEach((name, h) -> out.put(name, ChildRegistry.fields(h)));
    replace("children.json", JSON.writeValueAsString(out) + "\n");
  }

  /** The children as the cell last wrote them (empty when it never did). */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> readChildren() throws IOException {
    Path f = dir.resolve("children.json");
    return Files.exists(f) ? JSON.readValue(f.toFile(), TreeMap.class) : new TreeMap<>();
  }

  /** Records where the running cell listens: {@code grpc=HOST:PORT} and {@code bootstrap=https://HOST:PORT}. */
  public void writeEndpoint(String grpc, String bootstrapUrl) throws IOException {
    replace("endpoint", "grpc=" + grpc + "\nbootstrap=" + bootstrapUrl + "\n");
  }

  /** The command books of the children, in {@code commands/<cluster>/}. */
  public FileCommandStore commands() {
    return new FileCommandStore(dir.resolve("commands"));
  }

  /** The revoked certificates, in {@code revoked}. */
  public Revocations revocations() {
    return new Revocations(dir.resolve("revoked"));
  }

  /** The serials of every certificate issued to {@code cluster}, oldest first. */
  public List<BigInteger> issuedTo(String cluster) throws IOException {
    Path f = dir.resolve("issued");
    List<BigInteger> out = new ArrayList<>();
    if (Files.exists(f)) {
      for (String line : Files.readAllLines(f)) {
        String[] p = line.trim().split(" ");
        if (p.length == 2 && p[0].equals(cluster)) {
          out.add(new BigInteger(p[1], 16));
        }
      }
    }
    return out;
  }

  /** Appends {@code <cluster> <serial hex>} to {@code issued}: every certificate enrolment gave out. */
  public synchronized void recordIssued(String cluster, X509Certificate cert) {
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
