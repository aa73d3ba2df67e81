package dev.lattice.runtime.link.pivot;

/**
 * What the runtime observed for one unpivot step: the agent holds its stream (the import goes through
 * it), the parent's own API shows the cluster's CAPI objects, the cluster is gone from the parent
 * (CAPI finished deleting it).
 */
public record UnpivotFacts(boolean agentConnected, boolean parentHasObjects, boolean clusterGone) {}
