package dev.lattice.model.service;

import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Optional;

/**
 * Overrides of the restricted baseline (non-root, no privilege escalation, all capabilities
 * dropped, RuntimeDefault seccomp, read-only root filesystem). Absent fields keep the baseline.
 * {@code allowedBinaries} feeds the Tetragon allow-list.
 */
@org.immutables.value.Value.Builder
public record SecuritySpec(
    Optional<Long> runAsUser,
    Optional<Long> runAsGroup,
    Optional<Boolean> runAsNonRoot,
    Optional<Boolean> readOnlyRootFilesystem,
    Optional<Boolean> privileged,
    Optional<Boolean> allowPrivilegeEscalation,
    List<String> capabilities,
    Optional<String> apparmorProfile,
    Optional<String> seccompProfile,
    List<String> allowedBinaries) {

  public SecuritySpec {
    runAsUser = Values.opt(runAsUser);
    runAsGroup = Values.opt(runAsGroup);
    runAsNonRoot = Values.opt(runAsNonRoot);
    readOnlyRootFilesystem = Values.opt(readOnlyRootFilesystem);
    privileged = Values.opt(privileged);
    allowPrivilegeEscalation = Values.opt(allowPrivilegeEscalation);
    capabilities = Values.list(capabilities);
    apparmorProfile = Values.opt(apparmorProfile);
    seccompProfile = Values.opt(seccompProfile);
    allowedBinaries = Values.list(allowedBinaries);
  }
}
