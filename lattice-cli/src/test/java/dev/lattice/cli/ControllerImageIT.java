package dev.lattice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.document.Document;
import dev.lattice.runtime.install.CellInstall;
import dev.lattice.runtime.install.ControllerDeployment;
import dev.lattice.runtime.install.InstallManifests;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controller image as {@code jib:buildTar} writes it, opened as a tar (issue 15). {@code mvn package}
 * builds it with lattice-cli's Jib {@code <container>} configuration on a stand-in base image (a
 * {@code tar://} base, no registry: {@code src/image-check/README.md}), into {@code target/image-check/image.tar}.
 * What it proves: Jib's own output for our configuration has the entrypoint, command, user and ports
 * the Deployment relies on, the base's entrypoint and command are replaced, the application files
 * are readable by the non-root user, and the layers' classpath and classes run
 * {@code lattice controller --help}. What it cannot: that {@code eclipse-temurin:17-jre} provides
 * {@code java} on that {@code PATH}, that a container runtime starts the image, or that the controller
 * serves in a pod (docs/RUNTIME.md, "Run it against a real cluster with kind").
 */
class ControllerImageIT {
  static final String MAIN_CLASS = "dev.lattice.cli.LatticeCommand";

  static Path work;
  static ImageTar image;
  static Map<String, TarEntries.Entry> files;

  @BeforeAll
  static void unpack() throws IOException {
    String tar = System.getProperty("lattice.imageTar");
    if (tar == null || !Files.isRegularFile(Path.of(tar))) {
      fail("no image tar at " + tar + ": run ./mvnw -pl lattice-cli -am verify (package builds it, failsafe runs this test)");
    }
    work = Path.of(tar).toAbsolutePath().resolveSibling("it");
    delete(work);
    image = ImageTar.open(Path.of(tar), work.resolve("blobs"));
    files = image.unpackLayers(work.resolve("root"));
  }

  @Test
  void theEntrypointIsJavaOnTheApplicationClasspathRunningTheCommandLinesMainClass() throws IOException {
    JsonNode config = image.config().path("config");
    assertThat(ImageTar.strings(config.path("Entrypoint")))
        .as("not the base's /__cacert_entrypoint.sh")
        .containsExactly("java", "-cp", "@/app/jib-classpath-file", MAIN_CLASS);
    assertThat(read("/app/jib-main-class-file")).isEqualTo(MAIN_CLASS);
    List<String> classpath = List.of(read("/app/jib-classpath-file").split(":"));
    assertThat(classpath).startsWith("/app/resources", "/app/classes");
    assertThat(classpath).as("every classpath entry is in the image").allSatisfy(e -> assertThat(files).containsKey(e));
    assertThat(classpath).as("the link's controller command, the cell it hosts")
        .anySatisfy(e -> assertThat(e).matches("/app/libs/lattice-link-.*\\.jar"));
    assertThat(files).containsKey("/app/classes/" + MAIN_CLASS.replace('.', '/') + ".class");
    assertThat(ImageTar.strings(config.path("Env")))
        .as("the base's PATH, where its JRE's java is, is kept").contains(
            "PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  }

  @Test
  void theCommandIsControllerAndTheUserIsTheNonRootUserTheDeploymentRunsAs() {
    JsonNode config = image.config().path("config");
    assertThat(ImageTar.strings(config.path("Cmd"))).as("not the base's /bin/bash").containsExactly("controller");
    JsonNode pod = deployment().path("spec").path("template").path("spec");
    assertThat(pod.path("containers").get(0).path("args").get(0).asText()).isEqualTo("controller");
    String user = config.path("User").asText();
    assertThat(user).isEqualTo(pod.path("securityContext").path("runAsUser").asInt() + ":"
        + pod.path("securityContext").path("runAsGroup").asInt());
    assertThat(Integer.parseInt(user.split(":")[0])).as("not root").isPositive();
  }

  @Test
  void theImageExposesThePortsOfTheDeploymentHostingTheCell() {
    Set<String> exposed = new TreeSet<>();
    image.config().path("config").path("ExposedPorts").fieldNames().forEachRemaining(exposed::add);
    Set<String> declared = new TreeSet<>();
    deployment().path("spec").path("template").path("spec").path("containers").get(0).path("ports")
        .forEach(p -> declared.add(p.path("containerPort").asInt() + "/" + p.path("protocol").asText().toLowerCase()));
    assertThat(declared).hasSize(4);
    assertThat(exposed).isEqualTo(declared);
  }

  @Test
  void everyApplicationFileIsReadableByTheNonRootUser() {
    List<String> unreadable = files.entrySet().stream()
        .filter(e -> e.getKey().startsWith("/app"))
        .filter(e -> (e.getValue().mode() & (e.getValue().directory() ? 05 : 04)) == 0)
        .map(e -> e.getKey() + " " + Integer.toOctalString(e.getValue().mode()))
        .collect(Collectors.toList());
    assertThat(files.keySet()).filteredOn(k -> k.startsWith("/app/libs/")).hasSizeGreaterThan(10);
    assertThat(unreadable).isEmpty();
    // the modes are read, not defaulted: Jib's own are 755 and 644 (jib-maven-plugin/README.md, `permissions`)
    assertThat(files.get("/app/libs").mode()).isEqualTo(0755);
    assertThat(files.get("/app/jib-classpath-file").mode()).isEqualTo(0644);
  }

  /**
   * The image's own entrypoint and command, run by this JDK on the unpacked layers: {@code java}
   * is this JDK's, and the entrypoint's {@code @/app/jib-classpath-file} becomes a copy whose
   * {@code /app} paths point into the unpacked root; every other argument is the image's.
   */
  @Test
  void theImagesEntrypointAndCommandRunLatticeControllerHelp() throws Exception {
    JsonNode config = image.config().path("config");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> entrypoint = ImageTar.strings(config.path("Entrypoint"));
    for (String arg : entrypoint.subList(1, entrypoint.size())) {
      command.add(arg.startsWith("@/") ? "@" + rewrittenArgumentFile(arg.substring(1)) : arg);
    }
    command.addAll(ImageTar.strings(config.path("Cmd")));
    command.add("--help");
    Process process = new ProcessBuilder(command).directory(work.resolve("root").toFile())
        .redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // a guard against a hung child, not a timing check: --help takes well under a second
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).startsWith("Usage: lattice controller ")
        .contains("--apply-mode=", "--leader-election", "--health-port=", "--metrics-port=", "--cell-grpc=");
  }

  /** The image's argument file {@code path} with each {@code /app...} entry inside the unpacked root, quoted. */
  private static Path rewrittenArgumentFile(String path) throws IOException {
    String rewritten = Arrays.stream(read(path).split(":"))
        .map(e -> work.resolve("root").resolve(e.substring(1)).toString())
        .collect(Collectors.joining(File.pathSeparator));
    Path file = work.resolve("classpath-file");
    Files.writeString(file, "\"" + rewritten.replace("\\", "\\\\") + "\"");
    return file;
  }

  private static String read(String imagePath) throws IOException {
    assertThat(files).containsKey(imagePath);
    return new String(files.get(imagePath).content(), StandardCharsets.UTF_8).trim();
  }

  /** The Deployment {@code lattice install-manifests --cell} writes (the ports include the cell's). */
  private static JsonNode deployment() {
    return ControllerDeployment.all(InstallManifests.DEFAULT_IMAGE, Optional.of(CellInstall.of("cell")))
        .stream().filter(d -> d.kind().equals("Deployment")).map(Document::json).findFirst().orElseThrow();
  }

  private static void delete(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.delete(p);
        }
      }
    }
  }
}
