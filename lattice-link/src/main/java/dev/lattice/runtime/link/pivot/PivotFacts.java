package dev.lattice.runtime.link.pivot;

import java.util.Optional;

/**
 * What the runtime observed for one step: CAPI reports the cluster provisioned, the bootstrap webhook
 * was called, the agent holds its stream, the agent's answer to the current ConfirmPivot (absent
 * until it answers; true when every CAPI object is present in the child), the child is ready.
 */
public record PivotFacts(boolean provisioned, boolean bootstrapCalled, boolean agentConnected,
    Optional<Boolean> objectsConfirmed, boolean childReady) {}
