/**
 * The cell's certificate authority and bootstrap credentials: ECDSA P-256 keys, SHA-256 signatures,
 * X.509 certificates and PKCS#10 requests built with BouncyCastle, single-use expiring tokens and
 * revocation. Every time decision reads an injected {@link java.time.Clock}.
 */
package dev.lattice.runtime.link.pki;
