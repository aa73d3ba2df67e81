package dev.lattice.runtime.link;

import static com.tngtech.archunit.lang.conditions.ArchConditions.have;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * lattice-link is package-private by default (issue #15): a top-level type is public only if it is
 * listed here with the packages that use it from outside its own (main code first; "tests" when only
 * tests in other packages do), so making a type public again fails here until it is listed with a
 * reason. Tests live in the package of the class they test, so a test alone is no reason. The
 * generated gRPC/protobuf classes ({@code dev.lattice.runtime.link.proto}) are out of scope.
 */
class PublicTypesTest {
  private static final String LINK = "dev.lattice.runtime.link";

  /** Public because another package of this module uses it; checked against the bytecode below. */
  private static final Map<String, String> USED_ACROSS_PACKAGES = new TreeMap<>(Map.ofEntries(
      Map.entry("LinkLimits", "agent, cell, cli"),
      Map.entry("OncePerCause", "agent, bootstrap, cell, pki"),
      Map.entry("agent.AgentIdentity", "cli"),
      Map.entry("agent.ApiProxyHandler", "proxy"),
      Map.entry("agent.Backoff", "cli"),
      Map.entry("agent.CommandExecutor", "cli"),
      Map.entry("agent.Enrolment", "tests: LinkFixture (shared by the tests of every package), bootstrap, cell"),
      Map.entry("agent.FileResultJournal", "cli"),
      Map.entry("agent.HttpsEnrolment", "cli"),
      Map.entry("agent.LinkAgent", "cli"),
      Map.entry("agent.ResultJournal", "cli (a LinkAgent constructor parameter)"),
      Map.entry("bootstrap.BootstrapWebhook", "cli, wiring"),
      Map.entry("cell.CellServer", "cli"),
      Map.entry("cell.ChildRegistry", "cli, proxy, wiring"),
      Map.entry("cell.ChildSession", "pivot, proxy, wiring"),
      Map.entry("cell.CommandStore", "cli (a ChildRegistry constructor parameter)"),
      Map.entry("cell.Enroller", "bootstrap, cli"),
      Map.entry("cell.FileCommandStore", "cli"),
      Map.entry("cli.CellData", "wiring"),
      Map.entry("cli.CellProcess", "wiring"),
      Map.entry("pivot.ClusterMover", "wiring"),
      Map.entry("pivot.ClusterctlMover", "wiring"),
      Map.entry("pivot.PivotDriver", "wiring"),
      Map.entry("pivot.PivotFacts", "wiring"),
      Map.entry("pivot.PivotState", "wiring"),
      Map.entry("pivot.PivotStep", "wiring"),
      Map.entry("pivot.StateStore", "wiring"),
      Map.entry("pivot.UnpivotDriver", "wiring"),
      Map.entry("pivot.UnpivotFacts", "wiring"),
      Map.entry("pivot.UnpivotState", "wiring"),
      Map.entry("pivot.UnpivotStep", "wiring"),
      Map.entry("pki.BootstrapTokens", "bootstrap, cell, cli, wiring"),
      Map.entry("pki.CellAuthority", "bootstrap, cell, cli, wiring"),
      Map.entry("pki.CertificateRequests", "agent"),
      Map.entry("pki.Fingerprints", "agent, cell, cli"),
      Map.entry("pki.KeyPairs", "agent, bootstrap, cell"),
      Map.entry("pki.OwnerOnly", "cli, proxy"),
      Map.entry("pki.Pem", "agent, bootstrap, cell, cli"),
      Map.entry("pki.PinnedToken", "agent, bootstrap, cell, cli"),
      Map.entry("pki.PinnedTrust", "agent"),
      Map.entry("pki.Revocations", "cell, cli"),
      Map.entry("pki.TlsContexts", "agent, cell"),
      Map.entry("proxy.ApiProxyServer", "tests: pivot (ChildApiProxies.proxy returns it)"),
      Map.entry("proxy.ChildApiProxies", "pivot, wiring"),
      Map.entry("proxy.KubernetesApiProxy", "tests: pivot (the agent side's handler, LinkAgent.serveApiProxy)"),
      Map.entry("store.ProtoFileDir", "agent, cell")));

  /**
  /** Public for a user the bytecode of this module does not show: another module, an inlined constant. */
  private static final Map<String, String> API = new TreeMap<>(Map.of(
      "cli.AgentCommand", "lattice-cli registers it (LatticeCommand)",
      "cli.CellCommand", "lattice-cli registers it (LatticeCommand)",
      "wiring.CellControllerCommand", "lattice-cli registers it (LatticeCommand) as the controller command",
      "wiring.ChildClusterWiring", "the ClusterHook the controller hosts (HostedHook)",
      "cell.AgentLinkService", "cli.CellTokenCommand: its ENROLL_PURPOSE, a constant javac inlines"));

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(LINK);
  private static final JavaClasses MAIN_AND_TESTS = new ClassFileImporter()
      .importPackages(LINK, "dev.lattice.runtime.controller", "dev.lattice.runtime.install");

  private static final DescribedPredicate<JavaClass> HAND_WRITTEN = DescribedPredicate.describe(
      "hand-written", c -> !c.getPackageName().startsWith(LINK + ".proto"));

  private static String listed(JavaClass c) {
    return c.getName().substring(LINK.length() + 1);
  }

  @Test
  void noTypeIsPublicUnlessListed() {
    classes().that().resideInAPackage(LINK + "..").and(HAND_WRITTEN).and().areTopLevelClasses().and().arePublic()
        .should(have(DescribedPredicate.describe(
            "a reason in PublicTypesTest", c -> USED_ACROSS_PACKAGES.containsKey(listed(c)) || API.containsKey(listed(c)))))
        .check(MAIN);
  }

  /** The list is the bound: a type made package-private leaves it, so the count only goes down. */
  @Test
  void everyListedTypeIsPublicStill() {
    Map<String, Boolean> publicNow = MAIN.stream().filter(HAND_WRITTEN).filter(JavaClass::isTopLevelClass)
        .collect(Collectors.toMap(PublicTypesTest::listed, c -> c.getModifiers().contains(JavaModifier.PUBLIC)));
    Stream.concat(USED_ACROSS_PACKAGES.keySet().stream(), API.keySet().stream())
        .forEach(t -> assertThat(publicNow.get(t)).as(t + " is listed in PublicTypesTest: is it a public type still?").isTrue());
    assertThat(USED_ACROSS_PACKAGES.size() + API.size())
        .as("public top-level types: 66 before issue #15, 51 after; list another only with its reason")
        .isLessThanOrEqualTo(51);
  }

  /**
   * A listed reason stays true: some class of another package (main or test code) depends on the type,
   * or calls a method or constructor that takes or returns it.
   */
  @Test
  void everyListedTypeIsUsedFromAnotherPackage() {
    Map<String, Set<String>> usedFrom = new HashMap<>();
    for (JavaClass origin : MAIN_AND_TESTS) {
      String from = origin.getPackageName();
      origin.getDirectDependenciesFromSelf().forEach(d -> note(usedFrom, d.getTargetClass(), from));
      for (JavaCodeUnitAccess<?> call : origin.getCodeUnitAccessesFromSelf()) {
        call.getTarget().getRawParameterTypes().forEach(p -> note(usedFrom, p, from));
        note(usedFrom, call.getTarget().getRawReturnType(), from);
      }
    }
    for (String t : USED_ACROSS_PACKAGES.keySet()) {
      String own = MAIN.get(LINK + "." + t).getPackageName();
      assertThat(usedFrom.getOrDefault(LINK + "." + t, Set.of()))
          .as(t + ": no other package uses it, so it can be package-private (and leave PublicTypesTest)")
          .anyMatch(p -> !p.equals(own));
    }
  }

  private static void note(Map<String, Set<String>> usedFrom, JavaClass target, String fromPackage) {
    usedFrom.computeIfAbsent(target.getName(), k -> new HashSet<>()).add(fromPackage);
  }
}
