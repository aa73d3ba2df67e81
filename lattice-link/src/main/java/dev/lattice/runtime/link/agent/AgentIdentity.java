package dev.lattice.runtime.link.agent;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** What enrolment gives an agent: its key, the certificate the cell signed, and the cell CA. */
public record AgentIdentity(String cluster, PrivateKey key, X509Certificate certificate, X509Certificate ca) {}
