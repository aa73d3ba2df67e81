package dev.lattice.runtime.link.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.emit.capi.CapiNames;
import dev.lattice.model.cluster.LatticeClusterStatus.ChildHealth;
import dev.lattice.runtime.controller.ClusterHook;
import dev.lattice.runtime.install.CrdKind;
import dev.lattice.runtime.install.ManagedKind;
import dev.lattice.runtime.link.bootstrap.BootstrapWebhook;
import dev.lattice.runtime.link.cell.ChildRegistry;
import dev.lattice.runtime.link.pivot.ClusterMover;
import dev.lattice.runtime.link.pivot.PivotDriver;
import dev.lattice.runtime.link.pivot.PivotFacts;
import dev.lattice.runtime.link.pivot.PivotState;
import dev.lattice.runtime.link.pivot.PivotStep;
import dev.lattice.runtime.link.pivot.StateStore;
import dev.lattice.runtime.link.pivot.UnpivotDriver;
import dev.lattice.runtime.link.pivot.UnpivotFacts;
import dev.lattice.runtime.link.pivot.UnpivotState;
import dev.lattice.runtime.link.pivot.UnpivotStep;
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
 *       {@link ChildRegistry};</li>
 *   <li>when a pivoted child is deleted ({@link #unpivot}), drives the {@link UnpivotDriver}: the
 *       importer brings its CAPI objects back from the child, then the CAPI {@code Cluster} is
 *       deleted in the parent; the state lives in the annotation {@value #UNPIVOT_ANNOTATION}.</li>
 * </ul>
 * The bootstrap endpoint written into the Secret is {@code https://<host>:<bootstrapPort>} of the
 * cell's own {@code spec.parentConfig} (the host, when it names none, from the setting), else the
 * setting.
 */
public final class ChildClusterWiring {
  public static final String PIVOT_ANNOTATION = "lattice.dev/pivot-state";
  public static final String UNPIVOT_ANNOTATION = "lattice.dev/unpivot-state";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceDefinitionContext CAPI_CLUSTER = new ResourceDefinitionContext.Builder()
      .withGroup(ManagedKind.CAPI_CLUSTER.group()).withVersion(ManagedKind.CAPI_CLUSTER.version())
      .withKind(ManagedKind.CAPI_CLUSTER.kind()).withPlural(ManagedKind.CAPI_CLUSTER.plural()).withNamespaced(true).build();

  /**
   * The cell's own cluster, its bootstrap URL ({@code https://HOST:PORT}; what the Secret says when the
   * cell's LatticeCluster has no {@code parentConfig}) and the tokens' lifetime.
   */
  public record Settings(String cellCluster, String bootstrapEndpoint, Duration tokenTtl) {}

  private final KubernetesClient client;
  private final Settings settings;
  private final CellAuthority authority;
  private final BootstrapTokens tokens;
  private final ChildRegistry registry;
  private final AnnotationStore pivotStates = new AnnotationStore();
  private final PivotDriver driver;
  private final UnpivotDriver unpivot;

  /** A wiring that pivots with {@code mover} and cannot unpivot (a deleted pivoted child waits). */
  public ChildClusterWiring(KubernetesClient client, Settings settings, CellAuthority authority, BootstrapTokens tokens,
      ChildRegistry registry, ClusterMover mover) {
    this(client, settings, authority, tokens, registry, mover, (c, ns) -> {
      throw new IllegalStateException("no unpivot importer: cluster " + c + " cannot be brought back");
    });
  }

  /** A wiring that pivots with {@code mover} and, when a pivoted child is deleted, imports it back with {@code importer}. */
  public ChildClusterWiring(KubernetesClient client, Settings settings, CellAuthority authority, BootstrapTokens tokens,
      ChildRegistry registry, ClusterMover mover, ClusterMover importer) {
    this.client = client;
    this.settings = settings;
    this.authority = authority;
    this.tokens = tokens;
    this.registry = registry;
    this.driver = new PivotDriver(pivotStates, mover, registry::session);
    this.unpivot = new UnpivotDriver(new UnpivotAnnotationStore(), importer,
        (c, ns) -> capiCluster(c).delete());
  }

  /** One reconcile of LatticeCluster {@code name}: the pivot state of a child, empty for the cell itself or a missing one. */
  Optional<PivotState> reconcile(String name) throws Exception {
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
    return new ClusterHook() {
      @Override
      public Optional<Duration> reconciled(String name) throws Exception {
        return Optional.of(reconcile(name).filter(s -> s.step() != PivotStep.READY).isPresent() ? soon : later);
      }

      @Override
      public Optional<Duration> deleting(String name) throws Exception {
        return unpivot(name).filter(s -> s.step() != UnpivotStep.DELETED).map(s -> soon);
      }
    };
  }

  /**
   * One step of the unpivot of deleted LatticeCluster {@code name}: empty when there is nothing to
   * bring back (the cell itself, a missing cluster, a child never moved), else the new state; the
   * cluster may go once it is {@link UnpivotStep#DELETED} — after {@code unpivotImportComplete} and
   * the deletion of the CAPI {@code Cluster} in the parent. {@code status.phase} follows the step.
   */
  Optional<UnpivotState> unpivot(String name) throws Exception {
    if (name.equals(settings.cellCluster()) || cluster(name).get() == null
        || !pivotStates.load(name).map(PivotState::moveComplete).orElse(false)) {
      return Optional.empty();
    }
    boolean inParent = capiCluster(name).get() != null;
    UnpivotState s = unpivot.step(name, new UnpivotFacts(registry.session(name).connected(), inParent, !inParent));
    patchStatus(name, JSON.createObjectNode().put("phase", s.step().phase().wire()));
    return Optional.of(s);
  }

  /** The bootstrap webhook's listener ({@link BootstrapWebhook}): records {@code bootstrapComplete: true}. */
  public void bootstrapped(String cluster) {
    patchStatus(cluster, JSON.createObjectNode().put("bootstrapComplete", true));
  }

  /** Writes {@code status.childrenHealth} of the cell's own LatticeCluster (when it exists). */
  void writeChildrenHealth() {
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
        .addToStringData("endpoint", bootstrapEndpoint())
        .addToStringData("ca.crt", authority.bundlePem()).build()).create();
  }

  /** {@code https://<host>:<bootstrapPort>} of the cell's {@code spec.parentConfig}, else the setting. */
  String bootstrapEndpoint() {
    GenericKubernetesResource cell = cluster(settings.cellCluster()).get();
    Object spec = cell == null ? null : cell.getAdditionalProperties().get("spec");
    JsonNode parent = spec == null ? JSON.missingNode() : JSON.valueToTree(spec).path("parentConfig");
    if (!parent.isObject()) {
      return settings.bootstrapEndpoint();
    }
    String host = parent.path("host").asText("");
    if (host.isBlank()) {
      host = java.net.URI.create(settings.bootstrapEndpoint()).getHost();
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "https://" + host + ":" + parent.path("bootstrapPort").asInt(8443);
  }

  private Resource<GenericKubernetesResource> capiCluster(String cluster) {
    return client.genericKubernetesResources(CAPI_CLUSTER).inNamespace(CapiNames.namespace(cluster)).withName(cluster);
  }

  private boolean provisioned(String cluster) {
    GenericKubernetesResource capi = capiCluster(cluster).get();
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

  private Optional<JsonNode> annotation(String cluster, String key) {
    GenericKubernetesResource lc = cluster(cluster).get();
    String v = lc == null || lc.getMetadata().getAnnotations() == null ? null : lc.getMetadata().getAnnotations().get(key);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(v));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + key + " on LatticeCluster " + cluster + ": " + v, e);
    }
  }

  private void annotate(String cluster, String key, ObjectNode value) {
    ObjectNode patch = JSON.createObjectNode();
    patch.putObject("metadata").putObject("annotations").put(key, value.toString());
    cluster(cluster).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
  }

  /** Pivot states in the LatticeCluster's annotation {@value #PIVOT_ANNOTATION}, as JSON. */
  private final class AnnotationStore implements PivotDriver.Store {
    @Override
    public Optional<PivotState> load(String cluster) {
      return annotation(cluster, PIVOT_ANNOTATION).map(j -> {
        try {
          return new PivotState(PivotStep.valueOf(j.path("step").asText()), j.path("moveComplete").asBoolean(),
              j.path("confirmations").asInt());
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException("unreadable " + PIVOT_ANNOTATION + " on LatticeCluster " + cluster + ": " + j, e);
        }
      });
    }

    @Override
    public void save(String cluster, PivotState s) {
      annotate(cluster, PIVOT_ANNOTATION, JSON.createObjectNode().put("step", s.step().name())
          .put("moveComplete", s.moveComplete()).put("confirmations", s.confirmations()));
    }
  }

  /** Unpivot states in the LatticeCluster's annotation {@value #UNPIVOT_ANNOTATION}: step, unpivotImportComplete. */
  private final class UnpivotAnnotationStore implements StateStore<UnpivotState> {
    @Override
    public Optional<UnpivotState> load(String cluster) {
      return annotation(cluster, UNPIVOT_ANNOTATION).map(j -> {
        try {
          return new UnpivotState(UnpivotStep.valueOf(j.path("step").asText()), j.path("unpivotImportComplete").asBoolean());
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException("unreadable " + UNPIVOT_ANNOTATION + " on LatticeCluster " + cluster + ": " + j, e);
        }
      });
    }

    @Override
    public void save(String cluster, UnpivotState s) {
      annotate(cluster, UNPIVOT_ANNOTATION, JSON.createObjectNode().put("step", s.step().name())
          .put("unpivotImportComplete", s.unpivotImportComplete()));
    }
  }
}
