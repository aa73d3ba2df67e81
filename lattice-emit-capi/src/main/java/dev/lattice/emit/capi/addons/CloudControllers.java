package dev.lattice.emit.capi.addons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.LatticeClusterSpec;
import dev.lattice.model.cluster.ProviderSpec;
import dev.lattice.model.cluster.ProviderType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who gives a node the provider ID its Machine expects, and the cloud add-ons that do it.
 *
 * <p>CAPI binds a Machine to its Node only when {@code Node.spec.providerID} equals the
 * infrastructure machine's provider ID (cluster-api book, "Machine controller": "This field is
 * expected to match the value set by the KCM cloud provider in the Nodes"); a kubelet started with
 * {@code --cloud-provider=external} registers its node with the {@code
 * node.cloudprovider.kubernetes.io/uninitialized} taint, which only a cloud controller removes. So:
 *
 * <ul>
 *   <li>AWS (any bootstrap): kubelets run {@code cloud-provider: external} and the AWS cloud
 *       controller sets {@code aws:///<zone>/<instance>}, the ID CAPA writes on its AWSMachines
 *       (kubernetes/cloud-provider-aws; CAPA book "External AWS cloud provider with EBS CSI
 *       driver"); the EBS CSI driver serves volumes.
 *   <li>OpenStack (any bootstrap): the same with the OpenStack cloud controller and Cinder CSI
 *       (kubernetes/cloud-provider-openstack); their credentials are the Secret {@code
 *       kube-system/cloud-config} ({@code cloud.conf}) that CAPO's external-cloud-provider guide
 *       has the platform create in the new cluster.
 *   <li>Proxmox with Talos: Talos sets no provider ID (siderolabs/talos#14342) and CAPMOX writes
 *       {@code provider-id: proxmox://<uuid>} into the nocloud metadata only with {@code
 *       metadataSettings.providerIDInjection} (ionos-cloud/cluster-api-provider-proxmox#342,
 *       #400); the Talos cloud controller uses that metadata's provider ID when present
 *       (siderolabs/talos-cloud-controller-manager {@code pkg/talos/instances.go}, else {@code
 *       talos://<platform>/<ip>}, which no Machine has).
 *   <li>Proxmox with kubeadm or RKE2, and Docker: the kubelet's own {@code --provider-id} (Proxmox)
 *       or CAPD itself; no cloud controller.
 * </ul>
 *
 * Every cloud controller runs on control-plane nodes on the host network and tolerates the
 * uninitialized, not-ready and control-plane taints, since it must run before the CNI and before
 * anything else can schedule; it depends on no other release.
 */
public final class CloudControllers {
  static final String AWS_CCM = "aws-cloud-controller-manager";
  static final String AWS_EBS = "aws-ebs-csi-driver";
  static final String OPENSTACK_CCM = "openstack-cloud-controller-manager";
  static final String OPENSTACK_CINDER = "openstack-cinder-csi";
  static final String TALOS_CCM = "talos-cloud-controller-manager";
  /** The Secret (key {@code cloud.conf}) the OpenStack controller and Cinder CSI read, which the platform provides. */
  public static final String OPENSTACK_CLOUD_CONFIG = "cloud-config";
  static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";
  static final String UNINITIALIZED_TAINT = "node.cloudprovider.kubernetes.io/uninitialized";

  private CloudControllers() {}

  /** The provider of a spec, when exactly one is configured. */
  public static Optional<ProviderType> providerOf(LatticeClusterSpec spec) {
    List<ProviderType> present = spec.provider().config().present();
    return present.size() == 1 ? Optional.of(present.get(0)) : Optional.empty();
  }

  /** Whether a spec's kubelets run with {@code --cloud-provider=external} (see {@link #external(ProviderType, ProviderSpec.Bootstrap)}). */
  public static boolean external(LatticeClusterSpec spec) {
    return providerOf(spec).map(t -> external(t, spec.provider().kubernetes().bootstrap())).orElse(false);
  }

  /** Whether the Talos cloud controller gives the nodes their provider ID (Proxmox with Talos). */
  public static boolean talosController(LatticeClusterSpec spec) {
    return providerOf(spec).orElse(ProviderType.BASIS) == ProviderType.PROXMOX
        && spec.provider().kubernetes().bootstrap() == ProviderSpec.Bootstrap.TALOS;
  }

  /** Whether kubelets run with {@code --cloud-provider=external}, so a cloud controller must initialise every node. */
  public static boolean external(ProviderType type, ProviderSpec.Bootstrap bootstrap) {
    return switch (type) {
      case AWS, OPENSTACK -> true;
      case PROXMOX -> bootstrap == ProviderSpec.Bootstrap.TALOS;
      case DOCKER, BASIS -> false;
    };
  }

  /** The cloud group's releases of a provider and bootstrap, in install order. */
  static List<Release> releases(ProviderType type, ProviderSpec.Bootstrap bootstrap, VersionMatrix versions) {
    return switch (type) {
      case AWS -> List.of(release(versions, AWS_CCM, awsController()), release(versions, AWS_EBS, ebs(), ReleasePlanner.CILIUM));
      case OPENSTACK -> List.of(release(versions, OPENSTACK_CCM, openStackController()),
          release(versions, OPENSTACK_CINDER, cinder(), ReleasePlanner.CILIUM));
      case PROXMOX -> bootstrap == ProviderSpec.Bootstrap.TALOS ? List.of(release(versions, TALOS_CCM, talosController())) : List.of();
      case DOCKER, BASIS -> List.of();
    };
  }

  private static Release release(VersionMatrix versions, String id, ObjectNode values, String... dependsOn) {
    return new Release(versions.chart(id), "cloud", dev.lattice.compiler.platform.PlatformNamespaces.ofAddon(id), values,
        List.of(dependsOn), Optional.empty());
  }

  /** AWS: a host-network DaemonSet on control planes (chart values: hostNetworking, nodeSelector, tolerations); no route controller, Cilium routes pods. */
  private static ObjectNode awsController() {
    ObjectNode v = Json.object();
    v.set("args", Json.strings(List.of("--v=2", "--cloud-provider=aws", "--configure-cloud-routes=false")));
    v.put("hostNetworking", true);
    onControlPlanes(v);
    return v;
  }

  /** EBS CSI's controller on control planes, whose instance profile carries the EBS policy (clusterawsadm {@code enableCSIPolicy}). */
  private static ObjectNode ebs() {
    ObjectNode v = Json.object();
    onControlPlanes(v.putObject("controller"));
    return v;
  }

  private static ObjectNode openStackController() {
    ObjectNode v = Json.object();
    onControlPlanes(v);
    v.putObject("secret").put("create", false).put("name", OPENSTACK_CLOUD_CONFIG);
    return v;
  }

  private static ObjectNode cinder() {
    ObjectNode v = Json.object();
    v.putObject("secret").put("create", false).put("enabled", true).put("name", OPENSTACK_CLOUD_CONFIG);
    return v;
  }

  /** Talos' controller as a DaemonSet: host network, so it runs before the CNI (its chart's {@code useDaemonSet}). */
  private static ObjectNode talosController() {
    ObjectNode v = Json.object();
    v.put("useDaemonSet", true);
    onControlPlanes(v);
    return v;
  }

  private static void onControlPlanes(ObjectNode v) {
    v.set("nodeSelector", Json.sortedMap(Map.of(CONTROL_PLANE_LABEL, "")));
    ArrayNode tolerations = v.putArray("tolerations");
    for (String key : List.of(CONTROL_PLANE_LABEL, UNINITIALIZED_TAINT, "node.kubernetes.io/not-ready")) {
      tolerations.addObject().put("effect", "NoSchedule").put("key", key).put("operator", "Exists");
    }
  }
}
