package dev.lattice.testkit.fleet;

/**
 * How big and how tangled a generated fleet is.
 *
 * @param services number of LatticeServices
 * @param namespaces number of namespaces they spread over
 * @param outboundPerService average agreed-or-not outbound declarations per service
 * @param oneSidedRatio share of declarations whose other half is left out
 * @param externalRatio share of services that get a LatticeExternalService beside them
 * @param meshMemberRatio share of services that get a LatticeMeshMember beside them
 * @param placeholderRatio share of services whose variables use {@code ${resources.<peer>.url}} of
 *     their outbound peers and a {@code ${secret...}} of a declared secret
 * @param canaryRatio share of services rolled out with {@code deploy.strategy: canary}
 * @param autoscalingRatio share of canonical services with {@code autoscaling.max} above {@code
 *     replicas} (the flat and snake forms already spell autoscaling as {@code replicas: {min, max}})
 * @param exposedRatio share of services exposed by {@code serviceType: LoadBalancer} or {@code
 *     NodePort}, and of mesh-member ports declared {@code Permissive} or {@code Webhook}
 * @param ingressRatio share of the other canonical services that declare {@code spec.ingress} routes
 */
public record FleetShape(
    int services, int namespaces, int outboundPerService, double oneSidedRatio, double externalRatio, double meshMemberRatio,
    double placeholderRatio, double canaryRatio, double autoscalingRatio, double exposedRatio, double ingressRatio) {

  /** A shape without ingress routes. */
  public FleetShape(int services, int namespaces, int outboundPerService, double oneSidedRatio, double externalRatio,
      double meshMemberRatio, double placeholderRatio, double canaryRatio, double autoscalingRatio, double exposedRatio) {
    this(services, namespaces, outboundPerService, oneSidedRatio, externalRatio, meshMemberRatio, placeholderRatio,
        canaryRatio, autoscalingRatio, exposedRatio, 0);
  }

  /** A copy in which this share of the remaining canonical services declares ingress routes. */
  public FleetShape withIngressRatio(double ratio) {
    return new FleetShape(services, namespaces, outboundPerService, oneSidedRatio, externalRatio, meshMemberRatio,
        placeholderRatio, canaryRatio, autoscalingRatio, exposedRatio, ratio);
  }

  /** A shape without ways in from outside the mesh. */
  public FleetShape(int services, int namespaces, int outboundPerService, double oneSidedRatio, double externalRatio,
      double meshMemberRatio, double placeholderRatio, double canaryRatio, double autoscalingRatio) {
    this(services, namespaces, outboundPerService, oneSidedRatio, externalRatio, meshMemberRatio, placeholderRatio,
        canaryRatio, autoscalingRatio, 0);
  }

  /** A copy in which this share of services and mesh-member ports are reachable from outside the mesh. */
  public FleetShape withExposedRatio(double ratio) {
    return new FleetShape(services, namespaces, outboundPerService, oneSidedRatio, externalRatio, meshMemberRatio,
        placeholderRatio, canaryRatio, autoscalingRatio, ratio, ingressRatio);
  }

  /** A shape without placeholders, canaries or explicit autoscaling. */
  public FleetShape(int services, int namespaces, int outboundPerService, double oneSidedRatio, double externalRatio,
      double meshMemberRatio) {
    this(services, namespaces, outboundPerService, oneSidedRatio, externalRatio, meshMemberRatio, 0, 0, 0);
  }

  /** A small tangled fleet for property tests. */
  public static FleetShape small() {
    return new FleetShape(30, 4, 2, 0.2, 0.1, 0.1, 0.3, 0.2, 0.3);
  }

  /**
   * The benchmark shape: N services over N/50 namespaces, ~2 outbound edges, 10% of declarations
   * one-sided, 2% externals, 1% mesh members; placeholders on 30%, canary on 10%, autoscaling on 20%.
   */
  public static FleetShape ofSize(int services) {
    return new FleetShape(services, Math.max(1, services / 50), 2, 0.1, 0.02, 0.01, 0.3, 0.1, 0.2);
  }
}
