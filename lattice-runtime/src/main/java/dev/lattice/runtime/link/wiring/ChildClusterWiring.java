package dev.lattice.runtime.link.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.emit.capi.CapiNames;
import dev.lattice.model.cluster.LatticeClusterStatus.ChildHealth;
import dev.lattice.runtime.controller.ClusterHook;
import dev.lattice.runtime.install.CrdKind;
import dev.lattice.runtime.link.bootstrap.BootstrapWebhook;
import dev.lattice.runtime.link.cell.ChildRegistry;
import dev.lattice.runtime.link.pivot.ClusterMover;
import dev.lattice.runtime.link.pivot.PivotDriver;
import dev.lattice.runtime.link.pivot.PivotFacts;
import dev.lattice.runtime.link.pivot.PivotState;
import dev.lattice.runtime.link.pivot.PivotStep;
import dev.lattice.runtime.link.pki.BootstrapTokens;
import dev.lattice.runtime.link.pki.CellAuthority;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.Optional;

/**
 * What the cell does for each {@code LatticeCluster} it provisions (every one in its API server but
 * its own, {@code cellCluster}), one reconcile at a time:
 * <ul>
 *   <li>issues a one-time bootstrap token into Secret {@code <cluster>-bootstrap-token} in
 *       {@code capi-<cluster>} (keys {@code token}, {@code endpoint}, {@code ca.crt}; docs/CLUSTERS.md)
 *       once, while the bootstrap has not happened;</li>
 *   <li>{@link #bootstrapped} — the webhook's listener — records {@code status.bootstrapComplete};</li>
 *   <li>drives the {@link PivotDriver}: the facts are the CAPI {@code Cluster}'s phase
 *       {@code Provisioned}, {@code bootstrapComplete}, the agent's stream, the agent's health
 *       (Ready); the pivot state lives in the annotation {@code lattice.dev/pivot-state} of the
 *       LatticeCluster (an annotation, because a structural schema would prune unknown status
 *       fields), and {@code status.phase} / {@code status.pivotComplete} follow it;</li>
 *   <li>writes {@code status.childrenHealth} of the cell's own LatticeCluster from the
 *       {@link ChildRegistry}.</li>
 * </ul>
 */
public final class ChildClusterWiring {
  public static final String PIVOT_ANNOTATION = "lattice.dev/pivot-state";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceDefinitionContext CAPI_CLUSTER = new ResourceDefinitionContext.Builder()
      .withGroup("cluster.x-k8s.io").withVersion("v1beta1").withKind("Cluster").withPlural("clusters").withNamespaced(true).build();

  /** The cell's own cluster, its bootstrap URL ({@code https://HOST:PORT}) and the tokens' lifetime. */
  public record Settings(String cellCluster, String bootstrapEndpoint, Duration tokenTtl) {}

  private final KubernetesClient client;
  private final Settings settings;
  private final CellAuthority authority;
  private final BootstrapTokens tokens;
  private final ChildRegistry registry;
  private final PivotDriver driver;

  public ChildClusterWiring(KubernetesClient client, Settings settings, CellAuthority authority, BootstrapTokens tokens,
      ChildRegistry registry, ClusterMover mover) {
    this.client = client;
    this.settings = settings;
    this.authority = authority;
    this.tokens = tokens;
    this.registry = registry;
    this.driver = new PivotDriver(new AnnotationStore(), mover, registry::session);
  }

  /** One reconcile of LatticeCluster {@code name}: the pivot state of a child, empty for the cell itself or a missing one. */
  public Optional<PivotState> reconcile(String name) throws Exception {
    writeChildrenHealth();
    GenericKubernetesResource lc = cluster(name).get();
    if (name.equals(settings.cellCluster()) || lc == null) {
      return Optional.empty();
    }
    boolean bootstrapComplete = status(lc).path("bootstrapComplete").asBoolean(false);
    if (!bootstrapComplete) {
      ensureBootstrapSecret(name);
    }
    Optional<ChildHealth> health = Optional.ofNullable(registry.childrenHealth().get(name));
    PivotFacts facts = new PivotFacts(provisioned(name), bootstrapComplete, registry.session(name).connected(),
        Optional.empty(), health.flatMap(ChildHealth::agentState).filter("Ready"::equals).isPresent());
    PivotState s = driver.step(name, facts);
    ObjectNode status = JSON.createObjectNode().put("phase", s.step().phase().wire())
        .put("pivotComplete", s.moveComplete() && s.step().compareTo(PivotStep.PIVOTED) >= 0);
    patchStatus(name, status);
    return Optional.of(s);
  }

  /**
   * This wiring as the controller's {@link ClusterHook}: a child not yet Ready is reconciled again
   * after {@code soon}, everything else (a Ready child, the cell's own cluster, whose
   * {@code childrenHealth} it refreshes) after {@code later}.
   */
  public ClusterHook clusterHook(Duration soon, Duration later) {
    return name -> Optional.of(reconcile(name).filter(s -> s.step() != PivotStep.READY).isPresent() ? soon : later);
  }

  /** The bootstrap webhook's listener ({@link BootstrapWebhook}): records {@code bootstrapComplete: true}. */
  public void bootstrapped(String cluster) {
    patchStatus(cluster, JSON.createObjectNode().put("bootstrapComplete", true));
  }

  /** Writes {@code status.childrenHealth} of the cell's own LatticeCluster (when it exists). */
  public void writeChildrenHealth() {
    if (cluster(settings.cellCluster()).get() == null) {
      return;
    }
    ObjectNode children = JSON.createObjectNode();
    registry.childrenHealth().forEach((child, h) -> children.set(child, JSON.valueToTree(ChildRegistry.fields(h))));
    ObjectNode status = JSON.createObjectNode();
    status.set("childrenHealth", children);
    patchStatus(settings.cellCluster(), status);
  }

  private void ensureBootstrapSecret(String cluster) {
    String ns = CapiNames.namespace(cluster);
    String name = CapiNames.bootstrapSecret(cluster);
    if (client.secrets().inNamespace(ns).withName(name).get() != null) {
      return; // issued once; a new token only if someone deletes the Secret
    }
    String token = tokens.issue(cluster, BootstrapWebhook.PURPOSE, settings.tokenTtl());
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(ns)
        .addToLabels("app.kubernetes.io/managed-by", "lattice").endMetadata()
        .withType("Opaque")
        .addToStringData("token", token)
        .addToStringData("endpoint", settings.bootstrapEndpoint())
        .addToStringData("ca.crt", authority.bundlePem()).build()).create();
  }

  private boolean provisioned(String cluster) {
    GenericKubernetesResource capi = client.genericKubernetesResources(CAPI_CLUSTER).inNamespace(CapiNames.namespace(cluster))
        .withName(cluster).get();
    return capi != null && "Provisioned".equals(status(capi).path("phase").asText());
  }

  private static JsonNode status(GenericKubernetesResource r) {
    Object s = r.getAdditionalProperties().get("status");
    return s == null ? JSON.createObjectNode() : JSON.valueToTree(s);
  }

  private Resource<GenericKubernetesResource> cluster(String name) {
    CrdKind k = CrdKind.LATTICE_CLUSTER;
    return client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(CrdKind.GROUP)
        .withVersion(CrdKind.VERSION).withKind(k.kind().wire()).withPlural(k.plural()).withNamespaced(false).build())
        .withName(name);
  }

  private void patchStatus(String cluster, ObjectNode status) {
    ObjectNode patch = JSON.createObjectNode();
    patch.set("status", status);
    cluster(cluster).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
  }

  /** Pivot states in the LatticeCluster's annotation {@value #PIVOT_ANNOTATION}, as JSON. */
  private final class AnnotationStore implements PivotDriver.Store {
    @Override
    public Optional<PivotState> load(String cluster) {
      GenericKubernetesResource lc = cluster(cluster).get();
      String v = lc == null || lc.getMetadata().getAnnotations() == null ? null : lc.getMetadata().getAnnotations().get(PIVOT_ANNOTATION);
      if (v == null) {
        return Optional.empty();
      }
      try {
        JsonNode j = JSON.readTree(v);
        return Optional.of(new PivotState(PivotStep.valueOf(j.path("step").asText()), j.path("moveComplete").asBoolean(),
            j.path("confirmations").asInt()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
        throw new IllegalStateException("unreadable " + PIVOT_ANNOTATION + " on LatticeCluster " + cluster + ": " + v, e);
      }
    }

    @Override
    public void save(String cluster, PivotState s) {
      String v = JSON.createObjectNode().put("step", s.step().name()).put("moveComplete", s.moveComplete())
          .put("confirmations", s.confirmations()).toString();
      ObjectNode patch = JSON.createObjectNode();
      patch.putObject("metadata").putObject("annotations").put(PIVOT_ANNOTATION, v);
      cluster(cluster).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
    }
  }
}
