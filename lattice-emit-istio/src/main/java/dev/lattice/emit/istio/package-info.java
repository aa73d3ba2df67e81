/**
 * The Istio ambient emitter: identity rules enforced by ztunnel, the mesh-wide defaults, and
 * ServiceEntries for external destinations.
 *
 * <p><b>Documents.</b> When the plan has a member: {@code AuthorizationPolicy lattice-deny-all}
 * ({@code spec: {}}, which allows nothing) and {@code PeerAuthentication default} ({@code mtls:
 * STRICT}), both in {@code istio-system}. Per ambient member, {@code AuthorizationPolicy
 * allow-to-<member>} in its namespace: {@code selector.matchLabels} = the member's pod labels
 * (absent when it selects every pod of the namespace), {@code action: ALLOW}, and one rule {@code
 * from: [{source: {principals: [...]}}]}, {@code to: [{operation: {ports: [...]}}]} with the sorted
 * principals ({@code <trustDomain>/ns/<ns>/sa/<sa>}, no {@code spiffe://}) of its agreed ambient
 * callers and its TCP target ports. Members outside the mesh get no policy (ztunnel does not serve
 * them); callers outside the mesh have no identity and appear in no rule.
 *
 * <p><b>Empty policy.</b> A member with no ambient caller (or no TCP port) still gets {@code
 * allow-to-<member>}, without {@code rules}: the schema accepts it and an ALLOW policy without rules
 * matches nothing, so the member is closed explicitly rather than only by the mesh-wide deny-all,
 * and every ambient member has exactly one policy to point at.
 *
 * <p><b>ServiceEntry.</b> One per external destination with address endpoints that has an allowed
 * edge, named after it in its namespace; DNS names get none (ambient DNS capture, see {@code
 * ServiceEntries}, which also gives hosts, resolution and ports; endpoints with port 0 are skipped).
 *
 * <p><b>Ingress.</b> Per namespace whose services declare {@code spec.ingress}, the Gateway API
 * {@code Gateway <ns>-ingress} (class {@code istio}), its routes {@code <service>-<route>}, cert-manager
 * {@code Certificate}s {@code <gw>-<listener>} and {@code allow-to-<gw>}; the gateway's principal
 * ({@code <ns>-ingress-istio}) in each routed member's {@code allow-to-<member>} on its routed ports
 * ({@code GatewayDocuments}).
 *
 * <p><b>Naming scheme.</b> {@code allow-to-<member>}, {@code <external>}; a name (or label value)
 * longer than 63 characters keeps its first 52 characters (trailing {@code -}/{@code .} trimmed)
 * and ends in {@code -} plus the first 10 hex digits of the SHA-256 of the full name.
 */
package dev.lattice.emit.istio;
