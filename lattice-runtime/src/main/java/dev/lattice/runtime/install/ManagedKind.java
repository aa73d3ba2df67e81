package dev.lattice.runtime.install;

import java.util.List;
import java.util.Optional;

/**
 * A kind of document the compiler emits and the controller applies and prunes: the catalogue the
 * ClusterRole is generated from and the applier addresses resources by (no discovery calls).
 */
public record ManagedKind(String apiVersion, String kind, String plural, boolean namespaced) {

  /** Every kind the bundled emitters produce. A test compiles the examples and checks it is complete. */
  public static final List<ManagedKind> ALL = List.of(
      new ManagedKind("v1", "Namespace", "namespaces", false),
      new ManagedKind("v1", "ServiceAccount", "serviceaccounts", true),
      new ManagedKind("v1", "Service", "services", true),
      new ManagedKind("v1", "ConfigMap", "configmaps", true),
      new ManagedKind("v1", "PersistentVolumeClaim", "persistentvolumeclaims", true),
      new ManagedKind("apps/v1", "Deployment", "deployments", true),
      new ManagedKind("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
      new ManagedKind("keda.sh/v1alpha1", "ScaledObject", "scaledobjects", true),
      new ManagedKind("flagger.app/v1beta1", "Canary", "canaries", true),
      new ManagedKind("operator.victoriametrics.com/v1beta1", "VMServiceScrape", "vmservicescrapes", true),
      new ManagedKind("external-secrets.io/v1", "ExternalSecret", "externalsecrets", true),
      new ManagedKind("cilium.io/v2", "CiliumNetworkPolicy", "ciliumnetworkpolicies", true),
      new ManagedKind("cilium.io/v2", "CiliumClusterwideNetworkPolicy", "ciliumclusterwidenetworkpolicies", false),
      new ManagedKind("cilium.io/v1alpha1", "TracingPolicyNamespaced", "tracingpoliciesnamespaced", true),
      new ManagedKind("security.istio.io/v1", "AuthorizationPolicy", "authorizationpolicies", true),
      new ManagedKind("security.istio.io/v1", "PeerAuthentication", "peerauthentications", true),
      new ManagedKind("networking.istio.io/v1", "ServiceEntry", "serviceentries", true));

  /** The API group; empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  /** The catalogue entry of a document's apiVersion and kind. */
  public static Optional<ManagedKind> of(String apiVersion, String kind) {
    return ALL.stream().filter(k -> k.apiVersion.equals(apiVersion) && k.kind.equals(kind)).findFirst();
  }
}
