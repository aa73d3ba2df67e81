package dev.lattice.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The module rules: dependencies point inward, no package takes part in a cycle, the controller never
 * depends on the link, and the pure parts do no I/O, read no clock, draw no randomness.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.lattice");

  private static final Set<String> IO_CLASSES = Set.of("java.io.File", "java.io.FileInputStream",
      "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile",
      "java.nio.file.Files", "java.nio.file.Paths");
  private static final DescribedPredicate<JavaClass> IO = DescribedPredicate.describe("file or network I/O",
      c -> IO_CLASSES.contains(c.getName()) || c.getPackageName().startsWith("java.net")
          || c.getPackageName().startsWith("java.nio.channels") || c.getPackageName().startsWith("java.net.http"));
  private static final Set<String> CLOCK_OR_RANDOM_CLASSES = Set.of("java.time.Clock", "java.util.Random",
      "java.security.SecureRandom", "java.util.concurrent.ThreadLocalRandom", "java.util.SplittableRandom");
  private static final DescribedPredicate<JavaClass> CLOCK_OR_RANDOM =
      DescribedPredicate.describe("a clock or a random source", c -> CLOCK_OR_RANDOM_CLASSES.contains(c.getName()));

  @Test
  void modelDependsOnNoOtherLatticeModule() {
    noClasses().that().resideInAPackage("dev.lattice.model..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.lattice.compiler..", "dev.lattice.emit..",
            "dev.lattice.cli..", "dev.lattice.testkit..", "dev.lattice.runtime..")
        .check(CLASSES);
  }

  @Test
  void modelDoesIoOnlyInTheReaderPackage() {
    noClasses().that().resideInAPackage("dev.lattice.model..").and().resideOutsideOfPackage("dev.lattice.model.read..")
        .should().dependOnClassesThat(IO)
        .check(CLASSES);
  }

  /** Documents are shared by the compiler, the emitters, the runtime and the command line, so they know none of them. */
  @Test
  void documentsDependOnNoOtherLatticeModule() {
    noClasses().that().resideInAPackage("dev.lattice.document..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.lattice.model..", "dev.lattice.compiler..",
            "dev.lattice.emit..", "dev.lattice.cli..", "dev.lattice.testkit..", "dev.lattice.runtime..",
            "dev.lattice.conformance..")
        .check(CLASSES);
  }

  @Test
  void compilerDependsOnlyOnTheModelAndDocuments() {
    noClasses().that().resideInAPackage("dev.lattice.compiler..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.lattice.emit..", "dev.lattice.cli..",
            "dev.lattice.testkit..", "dev.lattice.runtime..")
        .check(CLASSES);
  }

  @Test
  void emittersNeverImportEachOtherNorOuterModules() {
    for (String emitter : new String[] {"kubernetes", "cilium", "istio", "capi"}) {
      String own = "dev.lattice.emit." + emitter;
      noClasses().that().resideInAPackage(own + "..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.lattice.cli..", "dev.lattice.testkit..", "dev.lattice.runtime..")
          .orShould().dependOnClassesThat(DescribedPredicate.describe("another emitter",
              c -> c.getPackageName().startsWith("dev.lattice.emit.") && !c.getPackageName().startsWith(own)))
          .allowEmptyShould(true)
          .check(CLASSES);
    }
  }

  @Test
  void conformanceStandsAloneAndOnlyTheCommandLineUsesIt() {
    noClasses().that().resideInAPackage("dev.lattice.conformance..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.lattice.model..", "dev.lattice.compiler..",
            "dev.lattice.emit..", "dev.lattice.cli..", "dev.lattice.testkit..", "dev.lattice.runtime..")
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("dev.lattice.model..", "dev.lattice.document..", "dev.lattice.compiler..",
            "dev.lattice.emit..")
        .should().dependOnClassesThat().resideInAPackage("dev.lattice.conformance..")
        .check(CLASSES);
  }

  @Test
  void compilerAndEmittersDoNoIoAndUseNoClockOrRandomness() {
    noClasses().that().resideInAnyPackage("dev.lattice.document..", "dev.lattice.compiler..", "dev.lattice.emit..")
        .should().dependOnClassesThat(IO)
        .orShould().dependOnClassesThat(CLOCK_OR_RANDOM)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(Math.class, "random")
        .orShould().callMethod(java.util.UUID.class, "randomUUID")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .check(CLASSES);
  }

  /**
   * Every package of dev.lattice is its own slice ({@code (**)} captures the whole package name), so a
   * cycle between any two packages, in any module, fails here.
   */
  @Test
  void noPackageTakesPartInACycle() {
    slices().matching("dev.lattice.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  /**
   * lattice-controller (every dev.lattice.runtime package but the link's) never depends on lattice-link
   * (dev.lattice.runtime.link): the link plugs into the controller through ClusterHook (a HostedHook in
   * the controller command), the reverse of the Maven dependency would not compile either.
   */
  @Test
  void theControllerNeverDependsOnTheLink() {
    noClasses().that().resideInAPackage("dev.lattice.runtime..").and().resideOutsideOfPackage("dev.lattice.runtime.link..")
        .should().dependOnClassesThat().resideInAPackage("dev.lattice.runtime.link..")
        .check(CLASSES);
  }

  /** The runtime (controller and link) knows nothing of the command line nor of the test kit. */
  @Test
  void theRuntimeDependsOnNoCommandLineNorTestKit() {
    noClasses().that().resideInAPackage("dev.lattice.runtime..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.lattice.cli..", "dev.lattice.testkit..")
        .check(CLASSES);
  }
}
