package dev.lattice.emit.capi.addons;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One planned Helm release inside the new cluster.
 *
 * @param chart the pinned chart; its id is the release name
 * @param group the add-on group whose ConfigMap carries it ({@code networking}, {@code mesh}, ...)
 * @param targetNamespace where the chart's objects go (created on install)
 * @param values the chart values; empty for the chart's defaults
 * @param dependsOn releases that must be ready first (CRDs and the CNI before their users)
 * @param valuesFrom an optional ConfigMap in {@code flux-system} with site-specific values
 */
record Release(
    VersionMatrix.Chart chart,
    String group,
    String targetNamespace,
    ObjectNode values,
    List<String> dependsOn,
    Optional<String> valuesFrom) {

  String name() {
    return chart.id();
  }
}
