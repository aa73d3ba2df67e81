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
 */
public record FleetShape(
    int services, int namespaces, int outboundPerService, double oneSidedRatio, double externalRatio, double meshMemberRatio) {

  /** A small tangled fleet for property tests. */
  public static FleetShape small() {
    return new FleetShape(30, 4, 2, 0.2, 0.1, 0.1);
  }

  /** The benchmark shape: N services over N/50 namespaces, ~2 outbound edges, 2% externals. */
  public static FleetShape ofSize(int services) {
    return new FleetShape(services, Math.max(1, services / 50), 2, 0.1, 0.02, 0.01);
  }
}
