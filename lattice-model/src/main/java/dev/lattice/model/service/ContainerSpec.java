package dev.lattice.model.service;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container: image, command and arguments, environment {@code variables} (placeholders allowed),
 * {@code files} mounted into it, {@code volumes} by mount path, resources, probes and security
 * overrides (anything looser than the restricted baseline).
 */
@org.immutables.value.Value.Builder
public record ContainerSpec(
    @Required String image,
    List<String> command,
    List<String> args,
    Map<String, String> variables,
    Map<String, FileSpec> files,
    Map<String, VolumeMountSpec> volumes,
    Optional<ResourceRequirementsSpec> resources,
    Optional<ProbeSpec> livenessProbe,
    Optional<ProbeSpec> readinessProbe,
    Optional<ProbeSpec> startupProbe,
    Optional<SecuritySpec> security) {

  public ContainerSpec {
    command = Values.list(command);
    args = Values.list(args);
    variables = Values.map(variables);
    files = Values.map(files);
    volumes = Values.map(volumes);
    resources = Values.opt(resources);
    livenessProbe = Values.opt(livenessProbe);
    readinessProbe = Values.opt(readinessProbe);
    startupProbe = Values.opt(startupProbe);
    security = Values.opt(security);
  }

  /** A file mounted into the container, given inline ({@code content}) or from a {@code source}. */
  public record FileSpec(
      Optional<String> content, Optional<String> source, Optional<String> mode, Optional<Boolean> noExpand) {
    public FileSpec {
      content = Values.opt(content);
      source = Values.opt(source);
      mode = Values.opt(mode);
      noExpand = Values.opt(noExpand);
    }
  }

  /**
   * A volume mounted at a path: {@code source} is a {@code ${resources.<volume>}} placeholder; without
   * one the mount is a private scratch directory ({@code /tmp: {}}).
   */
  public record VolumeMountSpec(Optional<String> source, Optional<String> path, Optional<Boolean> readOnly) {
    public VolumeMountSpec {
      source = Values.opt(source);
      path = Values.opt(path);
      readOnly = Values.opt(readOnly);
    }
  }
}
