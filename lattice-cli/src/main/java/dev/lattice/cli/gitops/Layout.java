package dev.lattice.cli.gitops;

/**
 * Where things live in a Lattice GitOps repository. A <em>cluster folder</em> is the root (the
 * management cluster) or {@code children/<name>} below another cluster folder:
 *
 * <pre>
 * cluster.yaml                          the root LatticeCluster (and CloudProviders)
 * kustomization.yaml                    what the root's Flux applies to the root
 * .lattice/config.yaml                  repository settings: Flux version, reconcile interval
 * registrations/&lt;svc&gt;.yaml             GitRepository + Kustomization of a registered service
 * registrations/kustomization.yaml      the catalogue: every registration
 * [placements/&lt;svc&gt;.yaml]               placements on the root itself
 * children/&lt;name&gt;/cluster.yaml          a child LatticeCluster, applied by its parent
 * children/&lt;name&gt;/flux.yaml             the child's Flux Kustomization (applied by the parent,
 *                                       reconciling children/&lt;name&gt; into the child)
 * children/&lt;name&gt;/kustomization.yaml    what is applied to the child: placed registrations,
 *                                       its placements as patches, its own children
 * children/&lt;name&gt;/placements/&lt;svc&gt;.yaml a kustomize patch of service svc for this cluster
 * children/&lt;name&gt;/children/&lt;grandchild&gt;/…
 * </pre>
 */
public final class Layout {
  public static final String CLUSTER = "cluster.yaml";
  public static final String KUSTOMIZATION = "kustomization.yaml";
  public static final String FLUX = "flux.yaml";
  public static final String CONFIG = ".lattice/config.yaml";
  public static final String REGISTRATIONS = "registrations";
  public static final String PLACEMENTS = "placements";
  public static final String CHILDREN = "children";

  private Layout() {}

  /** Whether a path (relative, with {@code /}) belongs to the layout Lattice reads and writes. */
  public static boolean isManaged(String path) {
    return path.equals(CLUSTER) || path.equals(KUSTOMIZATION) || path.startsWith(".lattice/")
        || path.startsWith(REGISTRATIONS + "/") || path.startsWith(PLACEMENTS + "/") || path.startsWith(CHILDREN + "/");
  }

  /** {@code dir/name}, or {@code name} at the root. */
  static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /** The folder of child {@code name} of the cluster in {@code parentDir}. */
  static String childDir(String parentDir, String name) {
    return join(parentDir, CHILDREN + "/" + name);
  }

  static String registration(String service) {
    return REGISTRATIONS + "/" + service + ".yaml";
  }

  static String placement(String clusterDir, String service) {
    return join(clusterDir, PLACEMENTS + "/" + service + ".yaml");
  }

  /** The path of {@code target} (from the root) as seen from folder {@code fromDir}. */
  static String relative(String fromDir, String target) {
    if (fromDir.isEmpty()) {
      return target;
    }
    int depth = fromDir.split("/").length;
    return "../".repeat(depth) + target;
  }

  /** The repository path Flux reconciles for a cluster folder: {@code ./} or {@code ./children/a}. */
  static String fluxPath(String clusterDir) {
    return "./" + clusterDir;
  }
}
