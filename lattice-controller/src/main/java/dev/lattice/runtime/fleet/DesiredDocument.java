package dev.lattice.runtime.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.runtime.install.ManagedKind;
import java.util.Optional;

/**
 * One document to apply: the compiler's body with the owner and content-hash annotations added.
 * {@code id} is {@code apiVersion Kind/namespace/name}; {@code owner} is an {@link ObjectKey} or
 * {@link Ownership#FLEET}.
 */
public record DesiredDocument(String id, ManagedKind kind, Optional<String> namespace, String name, String owner,
    String hash, ObjectNode body) {}
