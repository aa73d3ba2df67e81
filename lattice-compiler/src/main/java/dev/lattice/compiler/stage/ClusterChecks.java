package dev.lattice.compiler.stage;

import dev.lattice.model.CloudProvider;
import dev.lattice.model.LatticeCluster;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.cluster.ProviderType;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.List;

/**
 * Cross-document checks of clusters: the {@code providerRef} names a {@code CloudProvider} of the
 * input ({@code LAT4005}, a warning: it may already exist in the cluster), and that provider's type
 * matches the config block ({@code LAT4003}).
 */
final class ClusterChecks {
  private ClusterChecks() {}

  /**
   * No {@code providerRef}: Docker needs no credentials; elsewhere the infrastructure controller's own
   * are used — CAPA: "If no identity is specified, the default identity for this controller will be
   * used" ({@code AWSCluster.spec.identityRef}); CAPMOX: "If not supplied then the credentials of the
   * controller will be used" ({@code ProxmoxCluster.spec.credentialsRef}); CAPO requires {@code
   * identityRef}, so the cluster's {@code identitySecretName} or Secret {@code <cluster>-cloud-config}
   * is named (CRDs as served in {@code ../shared/schemas}, from the providers' config/crd/bases).
   */
  private static void defaultCredentials(SourcedObject s, LatticeCluster c, Diagnostics diagnostics) {
    List<ProviderType> blocks = c.spec().provider().config().present();
    if (blocks.size() != 1 || blocks.get(0) == ProviderType.DOCKER || blocks.get(0) == ProviderType.BASIS) {
      return;
    }
    String whose = switch (blocks.get(0)) {
      case AWS -> "CAPA's default identity (the controller's own AWS credentials)";
      case PROXMOX -> "CAPMOX's controller credentials (its manager Secret)";
      case OPENSTACK -> "the clouds.yaml Secret identitySecretName, else " + c.metadata().name() + "-cloud-config";
      default -> "the controller's default credentials";
    };
    diagnostics.add(Diagnostic.warning(Codes.PROVIDER_REF, "cluster " + c.metadata().name() + " has no providerRef: "
            + "it is built with " + whose,
        "add providerRef: naming a CloudProvider to use its credentialsSecretRef", s.sources().valueAt("spec"), "spec"));
  }

  static void check(ObjectIndex index, Diagnostics diagnostics) {
    for (SourcedObject s : index.clusters) {
      LatticeCluster c = (LatticeCluster) s.object();
      if (c.spec().providerRef().isEmpty()) {
        defaultCredentials(s, c, diagnostics);
        continue;
      }
      String ref = c.spec().providerRef().get();
      CloudProvider provider = index.providers.get(ref);
      if (provider == null) {
        diagnostics.add(Diagnostic.warning(Codes.PROVIDER_REF, "providerRef '" + ref + "' names no CloudProvider in the input",
            "add a CloudProvider named " + ref + ", or make sure it exists in the management cluster",
            s.sources().valueAt("spec.providerRef"), "spec.providerRef"));
        continue;
      }
      List<ProviderType> blocks = c.spec().provider().config().present();
      if (blocks.size() == 1 && blocks.get(0) != provider.spec().type()) {
        diagnostics.add(Diagnostic.error(Codes.UNKNOWN_PROVIDER, "CloudProvider " + ref + " is of type "
                + provider.spec().type().wire() + " but the cluster configures " + blocks.get(0).wire(),
            "move the settings under spec.provider.config." + provider.spec().type().wire() + " or point providerRef at a "
                + blocks.get(0).wire() + " provider", s.sources().valueAt("spec.provider.config"), "spec.provider.config"));
      }
    }
  }
}
