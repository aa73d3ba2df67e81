package dev.lattice.model.diagnostics;

/**
 * The catalogue of stable diagnostic codes. A code never changes meaning once published; wording
 * of messages may improve. {@code docs/DIAGNOSTICS.md} lists them for users.
 */
public final class Codes {
  private Codes() {}

  // LAT1xxx: reading and validating single documents
  /** The text is not well-formed YAML or JSON, or uses a YAML alias ({@code *name}), which is not read. */
  public static final String SYNTAX = "LAT1001";
  /** A mapping repeats a key. */
  public static final String DUPLICATE_KEY = "LAT1002";
  /** A file or directory cannot be read. */
  public static final String UNREADABLE = "LAT1003";
  /** A document lacks apiVersion or kind, or is not a mapping. */
  public static final String NOT_A_RESOURCE = "LAT1004";
  /** A lattice.dev kind this version does not support yet (warning). */
  public static final String UNSUPPORTED_KIND = "LAT1005";
  /** A document of another API group, skipped (info). */
  public static final String FOREIGN_DOCUMENT = "LAT1006";
  /** An apiVersion of the Lattice groups that is not known. */
  public static final String UNKNOWN_API_VERSION = "LAT1007";
  /** A field the kind does not have. */
  public static final String UNKNOWN_FIELD = "LAT1010";
  /** A value of the wrong type (a list where a mapping belongs, a quoted number, ...). */
  public static final String WRONG_TYPE = "LAT1011";
  /** A required field is missing. */
  public static final String MISSING_FIELD = "LAT1012";
  /** A value outside the allowed set (an enum, a direction, a strategy). */
  public static final String INVALID_VALUE = "LAT1013";
  /** A name that is not a DNS-1123 label or subdomain. */
  public static final String INVALID_NAME = "LAT1020";
  /** A port outside 1-65535. */
  public static final String PORT_RANGE = "LAT1021";
  /** Two ports share a name or a number. */
  public static final String DUPLICATE_PORT = "LAT1022";
  /** A CPU or memory quantity that Kubernetes would reject. */
  public static final String BAD_QUANTITY = "LAT1023";
  /** A probe port that no port of the service targets. */
  public static final String PROBE_PORT = "LAT1024";
  /** Replica bounds that contradict each other. */
  public static final String REPLICAS = "LAT1025";
  /** A {@code ${resources.x.y}} or {@code ${secret.x.y}} placeholder naming no declared resource. */
  public static final String PLACEHOLDER = "LAT1026";
  /** A canary ({@code deploy.strategy: canary}) without a TCP port for Flagger to route. */
  public static final String CANARY_PORT = "LAT1027";
  /** The flat form of the seed README (warning naming the canonical spelling). */
  public static final String FLAT_FORM = "LAT1101";
  /**
   * The seed README's older {@code LatticeCluster} form ({@code nodes: {control_plane, workers}},
   * {@code endpoints}, per-role provider sections, ...), read as the canonical form (warning naming it).
   */
  public static final String OLDER_CLUSTER_FORM = "LAT1103";
  /** A field this version reads but does not compile yet (warning naming it). */
  public static final String UNCOMPILED_FIELD = "LAT1104";
  // LAT105x: jobs
  /** A job's gang size ({@code minAvailable}) below one or above the replicas of its tasks. */
  public static final String JOB_GANG = "LAT1050";
  /** A job's {@code schedule} that is not a five-field cron expression or a {@code @} macro. */
  public static final String JOB_SCHEDULE = "LAT1051";
  /** A training job whose tasks do not fit its framework (no coordinator task; more than one worker task for PyTorch). */
  public static final String TRAINING_SHAPE = "LAT1052";
  /** A training framework this version reads but does not compile (DeepSpeed, Jax): the job is not emitted. */
  public static final String UNCOMPILED_FRAMEWORK = "LAT1053";
  /** More than one {@code type: gpu} resource in one workload. */
  public static final String GPU_RESOURCES = "LAT1054";
  // LAT1055-LAT1057: models (issue 20)
  /** A model's roles that Kthena cannot serve: an unknown role, {@code serving} beside prefill/decode, one of prefill/decode alone, workers without a workload. */
  public static final String MODEL_ROLES = "LAT1055";
  /** A model's routing that does not fit its roles: disaggregation without a KV connector port, a route without rules or targets, a bad port. */
  public static final String MODEL_ROUTING = "LAT1056";
  /** A model source Lattice cannot compile: an unknown {@code uri} scheme, a {@code cacheUri} that is not {@code pvc://}, both a cache size and a cache URI. */
  public static final String MODEL_SOURCE = "LAT1057";
  /** The older snake_case lattice.io/v1alpha1 form (warning naming the canonical spelling). */
  public static final String SNAKE_CASE_FORM = "LAT1102";

  // LAT2xxx: the service graph and agreements
  /** The same kind/namespace/name appears twice. */
  public static final String DUPLICATE_OBJECT = "LAT2001";
  /** A service resource names no service or external service in the input. */
  public static final String UNKNOWN_TARGET = "LAT2002";
  /** A declaration whose other half is missing (warning). */
  public static final String ONE_SIDED = "LAT2003";
  /** A service that declares itself (warning). */
  public static final String SELF_REFERENCE = "LAT2004";
  /** An external service that does not list the caller in allowedRequesters (warning). */
  public static final String EXTERNAL_NOT_ALLOWED = "LAT2005";
  /** A reference to an object of the wrong kind (e.g. a volume id naming a service). */
  public static final String WRONG_TARGET_KIND = "LAT2006";
  /** A placeholder whose value cannot be derived (e.g. the port of a service outside the input). */
  public static final String UNRESOLVED_PLACEHOLDER = "LAT2007";
  /** A placeholder in a place this version does not resolve yet (left verbatim, warning). */
  public static final String UNSUPPORTED_PLACEHOLDER = "LAT2008";
  /** An agreed edge from a workload outside the ambient mesh to one inside it: STRICT mTLS rejects it (warning). */
  /** A mesh member that reaches external names while its pods keep ambient DNS capture (warning). */
  public static final String DNS_CAPTURE = "LAT2015";
  public static final String MESH_MISMATCH = "LAT2009";
  /** A service whose binary allow-list cannot be derived (no command): no Tetragon policy (warning). */
  public static final String NO_BINARY_ALLOW_LIST = "LAT2010";
  /** A secret resource without {@code params.provider} (the ClusterSecretStore); {@code default} is used (warning). */
  public static final String SECRET_STORE = "LAT2011";
  /** Two derived documents would share kind, namespace and name (inputs whose derived names meet). */
  public static final String DERIVED_NAME_COLLISION = "LAT2012";
  /** Two {@code LatticeResourceClass}es answer for the same type and class. */
  public static final String RESOURCE_CLASS_CONFLICT = "LAT2013";
  /** What Flagger will do with a canary differs from what it declares (no weighted traffic in ambient; a port re-exposed) (warning). */
  public static final String CANARY_TRAFFIC = "LAT2014";

  // LAT3xxx: authorization and quotas
  /** The workloads covered by a LatticeQuota ask for more than it allows. */
  public static final String QUOTA_EXCEEDED = "LAT3004";

  // LAT3xxx: authorization (Cedar)
  /**
   * A {@code CedarPolicy} whose {@code spec.policies} text is not Cedar; the position points into
   * the text at the offending token. The whole document is left out of the policy set.
   */
  public static final String CEDAR_SYNTAX = "LAT3001";
  /**
   * A Cedar policy that parses but does not validate against the {@code Lattice} schema (an unknown
   * entity type, action or attribute, a type error, a scope no action applies to); the position
   * points at the offending part of the text. The invalid policy is left out of the policy set.
   */
  public static final String CEDAR_INVALID = "LAT3002";
  /**
   * A gate question the policies deny, by a {@code forbid} or because no {@code permit} matched; the
   * message names the principal, the action, the resource and the deciding policies.
   */
  public static final String DENIED = "LAT3003";

  // LAT4xxx: clusters
  /** An even number of control-plane nodes (etcd needs an odd quorum). */
  public static final String EVEN_CONTROL_PLANE = "LAT4001";
  /** A worker pool whose min exceeds its max, or that mixes replicas with min/max. */
  public static final String POOL_BOUNDS = "LAT4002";
  /**
   * A provider this version does not know (also an unknown block under {@code spec.provider.config}),
   * a config block for another provider, or settings for more than one provider.
   */
  public static final String UNKNOWN_PROVIDER = "LAT4003";
  /** An instance type form that does not fit the provider. */
  public static final String INSTANCE_TYPE = "LAT4004";
  /** A providerRef naming no CloudProvider in the input (warning). */
  public static final String PROVIDER_REF = "LAT4005";
  /** A Kubernetes version that is not {@code MAJOR.MINOR.PATCH}. */
  public static final String K8S_VERSION = "LAT4006";
  /** A cluster setting or provider this version reads but does not compile yet (warning). */
  public static final String UNSUPPORTED_CLUSTER_SETTING = "LAT4007";
  /**
   * On AWS, a GPU pool (label {@code lattice.dev/gpu: "true"} or a {@code nvidia.com/gpu} taint) whose
   * instance type is not of a GPU family, or {@code gpu: true} with no pool of a GPU family (warning).
   */
  public static final String GPU_INSTANCE_TYPE = "LAT4008";

  // LAT5xxx: GitOps repositories (lattice validate without PATH, and the commands that edit one)
  /** A file or folder missing from, or out of place in, the repository layout; a file that does not hold what its place says. */
  public static final String REPO_LAYOUT = "LAT5001";
  /** A kustomization.yaml whose lists are unsorted, name a missing file, or leave out a file Lattice manages. */
  public static final String REPO_KUSTOMIZATION = "LAT5002";
  /** A reference that does not resolve: a placement of an unregistered service, a parent that is not a cell. */
  public static final String REPO_REFERENCE = "LAT5003";
  /** A Flux document or a settings file that lacks a field Lattice writes, or holds a wrong value. */
  public static final String REPO_DOCUMENT = "LAT5004";
  /** A service placed on a cluster with {@code services: false}, which has none of the add-ons its documents need. */
  public static final String SERVICES_DISABLED = "LAT5005";

  // LAT1030-LAT1039: ways in from outside the mesh (issue 18)
  /**
   * A field of {@code spec.ingress} that is read but not compiled because the route's kind has no
   * place for it (a TCP route's hosts, a TLS passthrough route's certificate, paths outside an
   * HTTPRoute) (warning).
   */
  public static final String INGRESS_NOT_COMPILED = "LAT1030";
  /** A service exposed both by {@code serviceType: LoadBalancer|NodePort} and by {@code spec.ingress}. */
  public static final String EXPOSURE_CONFLICT = "LAT1031";
  /** {@code spec.advertise} is gated by Cedar but not compiled: no cross-cluster exposure is emitted (warning). */
  public static final String ADVERTISE_NOT_COMPILED = "LAT1032";
  /**
   * A {@code Permissive} or {@code Webhook} port of an ambient mesh member without a pod selector:
   * Istio applies port-level mTLS only through a PeerAuthentication with a selector, so the port
   * stays closed to plaintext (warning).
   */
  public static final String PLAINTEXT_NEEDS_SELECTOR = "LAT1033";
  /**
   * Ingress routes of one namespace that its shared Gateway cannot hold together: two TCP routes
   * on one port, a TCP route on the HTTP or TLS port, one host with two different certificates, one
   * host on 443 both terminated and passed through.
   */
  public static final String INGRESS_CONFLICT = "LAT1034";
  /**
   * A TCP or TLS ingress route: compiled as {@code gateway.networking.k8s.io/v1} (the only version
   * the Gateway API v1.6 standard CRDs serve), which Istio reads only from 1.31 (TCPRoute) and 1.30
   * (TLSRoute), newer than the Istio Lattice installs (warning).
   */
  public static final String ROUTE_NEEDS_NEWER_ISTIO = "LAT1035";
  // LAT1040-LAT1049: input limits and what the reader refuses (issue 16)
  /** A file, stream or text over the reader's input limit (256 MiB unless raised), refused unread. */
  public static final String INPUT_TOO_LARGE = "LAT1040";
  /** A symbolic link in a folder being read that leads back to a folder being read: not followed (warning). */
  public static final String LINK_LOOP = "LAT1041";
  /** An entry with an input name in a folder being read that is not a regular file (FIFO, socket, device, broken link): skipped (warning). */
  public static final String NOT_A_REGULAR_FILE = "LAT1042";
  /** A YAML tag the reader does not honour ({@code !!binary}, {@code !!timestamp}, {@code !foo}, {@code !!int x}, ...). */
  public static final String UNSUPPORTED_TAG = "LAT1043";
}
