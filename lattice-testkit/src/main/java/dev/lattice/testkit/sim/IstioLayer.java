package dev.lattice.testkit.sim;

import java.util.List;

/**
 * ztunnel's authorization at the callee (or an Istio gateway's Envoy's, which enforces the same
 * policies on its listeners without PeerAuthentication): a caller without a peer identity (plaintext: outside the
 * mesh) is first checked against the effective PeerAuthentication ({@link PeerAuthentications}) and
 * refused under STRICT; then a matching DENY policy denies; a callee no ALLOW policy applies to
 * accepts; otherwise some ALLOW policy must have a matching rule. CUSTOM and AUDIT policies are
 * ignored (ztunnel does not support CUSTOM; AUDIT never decides).
 */
final class IstioLayer {
  private final List<IstioPolicy> policies;
  private final PeerAuthentications mtls;
  private final SimulatorOptions options;

  IstioLayer(List<IstioPolicy> policies, PeerAuthentications mtls, SimulatorOptions options) {
    this.policies = List.copyOf(policies);
    this.mtls = mtls;
    this.options = options;
  }

  Verdict decide(Workload from, Workload to, int port) {
    return decide(IstioCaller.of(from, options), from.toString(), to, port);
  }

  /** A caller from outside the cluster: plaintext, no peer identity. */
  Verdict decideFromOutside(External from, Workload to, int port) {
    return decide(IstioCaller.none(), from.address(), to, port);
  }

  private Verdict decide(IstioCaller caller, String source, Workload to, int port) {
    if (!to.ambient() && !to.istioGateway()) {
      return Verdict.notApplicable(
          to + " is not in the ambient mesh: no ztunnel enforces AuthorizationPolicy for it");
    }
    String flow = source + " (" + caller + ") to " + to + " on port " + port;
    // PeerAuthentication governs connections to a sidecar or, in ambient, ztunnel
    // (https://istio.io/v1.23/docs/reference/config/security/peer_authentication/); a gateway's
    // listeners take what its Gateway's TLS settings say, so only the policies decide there
    if (caller.principal().isEmpty() && !to.istioGateway()) {
      PeerAuthentications.Mode mode = mtls.plaintext(to, port);
      if (!mode.permissive()) {
        return Verdict.deny(mode.documents(), "plaintext " + flow + " is refused: " + mode.reason());
      }
    }
    List<IstioPolicy> applicable = policies.stream()
        .filter(p -> p.appliesTo(to, options.rootNamespace())).toList();
    String ignored = applicable.stream().anyMatch(p -> p.action().matches("CUSTOM|AUDIT"))
        ? " (CUSTOM/AUDIT policies ignored)" : "";
    List<String> denying = applicable.stream()
        .filter(p -> p.action().equals("DENY") && p.matches(caller, port))
        .map(IstioPolicy::id).toList();
    if (!denying.isEmpty()) {
      return Verdict.deny(denying, "a DENY policy matches " + flow + ignored);
    }
    List<IstioPolicy> allows = applicable.stream()
        .filter(p -> p.action().equals("ALLOW")).toList();
    if (allows.isEmpty()) {
      return Verdict.allow(List.of(), "no ALLOW policy applies to " + to + ", so " + flow
          + " is allowed" + ignored);
    }
    List<String> allowing = allows.stream()
        .filter(p -> p.matches(caller, port)).map(IstioPolicy::id).toList();
    if (!allowing.isEmpty()) {
      return Verdict.allow(allowing, "an ALLOW rule matches " + flow + ignored);
    }
    return Verdict.deny(allows.stream().map(IstioPolicy::id).toList(),
        "ALLOW policies apply to " + to + " but no ALLOW rule matches " + flow + ignored);
  }
}
