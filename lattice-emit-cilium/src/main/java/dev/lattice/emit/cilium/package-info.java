/**
 * The Cilium emitter: L4 network policy per agreed edge plus a clusterwide default deny.
 *
 * <p><b>Documents.</b> {@code CiliumNetworkPolicy <member>} in the member's namespace for every
 * mesh member, and the cluster-scoped {@code CiliumClusterwideNetworkPolicy lattice-default-deny}
 * when the plan has a member.
 *
 * <p><b>Naming scheme.</b> A policy is named after its member and carries the label {@code
 * app.kubernetes.io/name: <member>}. A name longer than 63 characters keeps its first 52
 * characters (trailing {@code -}/{@code .} trimmed), then {@code -} and the first 10 hex digits of
 * the SHA-256 of the full name: {@code <prefix>-<hash10>}. The same name always gives the same
 * result; the label value is shortened the same way.
 *
 * <p><b>Per-member policy.</b> {@code enableDefaultDeny} is set for ingress and egress, so the
 * policy denies by itself even with no rules (a member without callers and ports has no {@code
 * ingress} list; {@code egress} always holds at least the DNS rule). Ingress: per agreed caller,
 * {@code fromEndpoints} with the caller's pod labels and {@code k8s:io.kubernetes.pod.namespace}, on
 * 15008/TCP (HBONE) when both ends are ambient, else on the callee's target ports with their
 * protocols; kubelet probes on the TCP target ports, from {@code 169.254.7.127/32} for ambient
 * members and from the {@code host} entity otherwise. Egress mirrors the edges at the caller, then
 * external destinations ({@code toFQDNs} for names, {@code toCIDRSet} for addresses, on the
 * endpoint's port, any port for port 0) and kube-dns with the DNS proxy. An edge to a member that
 * serves no port opens nothing. Between ambient members the callee's non-TCP ports are opened as
 * well, because ztunnel carries only TCP over HBONE.
 *
 * <p><b>Ingress gateway.</b> Per namespace whose services declare ingress routes, {@code <ns>-ingress}
 * for the gateway's pods ({@code GatewayPolicy}: from {@code host}, {@code remote-node}, {@code world}
 * on the listener ports; to istiod, kube-dns and the routed members), and in each routed member's
 * policy an ingress rule from those pods (HBONE 15008 to an ambient member).
 */
package dev.lattice.emit.cilium;
