package dev.lattice.testkit.sim;

/** One ingress/egress (allow or deny) rule: the peers it selects and the ports it covers. */
record CiliumRule(PeerMatch peers, PortMatch ports) {

  boolean matches(Peer peer, int port) {
    return peers.matches(peer) && ports.matches(port);
  }

  @Override
  public String toString() {
    return peers + " on " + ports;
  }
}
