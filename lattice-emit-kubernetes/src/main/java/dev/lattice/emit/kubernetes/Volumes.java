package dev.lattice.emit.kubernetes;

import dev.lattice.document.ObjectNames;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.compiler.plan.TemplateText;
import dev.lattice.compiler.plan.WorkloadPlan;
import dev.lattice.model.service.ContainerSpec;
import dev.lattice.model.service.ResourceSpec;
import dev.lattice.model.validate.Placeholders;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The storage of one service: files become keys of one ConfigMap ({@code <service>-files}), or of
 * the Secret {@code <service>-secret-files} rendered by a templated ExternalSecret when they
 * reference secrets, mounted by sub-path; {@code ${resources.<volume>}} mounts become PersistentVolumeClaims (owned when the
 * resource has {@code params.size}: {@code <service>-<resource>}, or the shared {@code id}); mounts
 * without a source are private {@code emptyDir}s.
 */
final class Volumes {
  private final WorkloadPlan plan;
  private final Map<String, ObjectNode> podVolumes = new TreeMap<>();
  private final Map<String, String> files = new TreeMap<>();
  private final Map<String, TemplateText> secretFiles = new TreeMap<>();
  private final Map<String, Integer> fileModes = new TreeMap<>();

  Volumes(WorkloadPlan plan) {
    this.plan = plan;
  }

  String configMapName() {
    return ObjectNames.derived(plan.ref().name(), "files");
  }

  /** The ConfigMap data collected while mounts were built: key → content. */
  Map<String, String> files() {
    return files;
  }

  String secretFilesName() {
    return ObjectNames.derived(plan.ref().name(), "secret-files");
  }

  /** Files whose content references secrets: key → template, rendered by a templated ExternalSecret. */
  Map<String, TemplateText> secretFiles() {
    return secretFiles;
  }

  /** The claim a volume resource uses. */
  static String claimName(String service, String resource, ResourceSpec r) {
    return r.id().map(id -> id.contains("/") ? id.substring(id.indexOf('/') + 1) : id)
        .orElse(ObjectNames.derived(service, resource));
  }

  ArrayNode mounts(String container, ContainerSpec c) {
    ArrayNode out = Json.array();
    Map<String, ObjectNode> byPath = new TreeMap<>();
    Map<String, TemplateText> contents = plan.files().getOrDefault(container, Map.of());
    c.files().forEach((path, f) -> {
      TemplateText content = contents.get(path);
      if (content == null) {
        return; // a file given by source only: reported by the emitter
      }
      String key = Names.fileKey(container + path);
      String volume;
      if (content.hasSecrets()) {
        secretFiles.put(key, content);
        volume = PodTemplate.SECRET_FILES_VOLUME;
        podVolumes.computeIfAbsent(volume, n -> {
          ObjectNode vol = Json.object().put("name", n);
          vol.putObject("secret").put("secretName", secretFilesName());
          return vol;
        });
      } else {
        files.put(key, content.literal().orElseThrow());
        f.mode().flatMap(Volumes::octal).ifPresent(m -> fileModes.put(key, m));
        volume = PodTemplate.FILES_VOLUME;
        podVolumes.computeIfAbsent(volume, n -> filesVolume());
      }
      byPath.put(path, Json.object().put("mountPath", path).put("name", volume).put("readOnly", true).put("subPath", key));
    });
    c.volumes().forEach((path, v) -> {
      Optional<String> resource = v.source().flatMap(Volumes::resourceName);
      String name;
      if (resource.isPresent() && plan.service().spec().workload().resources().containsKey(resource.get())) {
        ResourceSpec r = plan.service().spec().workload().resources().get(resource.get());
        name = ObjectNames.bounded("vol-" + resource.get());
        String claim = claimName(plan.ref().name(), resource.get(), r);
        podVolumes.computeIfAbsent(name, n -> {
          ObjectNode vol = Json.object().put("name", n);
          vol.putObject("persistentVolumeClaim").put("claimName", claim);
          return vol;
        });
      } else {
        name = ObjectNames.bounded(sanitize("scratch-" + container + "-" + path));
        podVolumes.computeIfAbsent(name, n -> {
          ObjectNode vol = Json.object();
          vol.putObject("emptyDir");
          vol.put("name", n);
          return vol;
        });
      }
      ObjectNode mount = Json.object().put("mountPath", path).put("name", name);
      v.readOnly().ifPresent(ro -> mount.put("readOnly", ro));
      v.path().ifPresent(sub -> mount.put("subPath", sub));
      byPath.put(path, mount);
    });
    byPath.values().forEach(out::add);
    return out;
  }

  /** Pod volumes, sorted by name; call after every container's mounts were built. */
  ArrayNode podVolumes() {
    ArrayNode out = Json.array();
    ObjectNode filesVolume = podVolumes.get(PodTemplate.FILES_VOLUME);
    if (filesVolume != null && !fileModes.isEmpty()) {
      ArrayNode items = ((ObjectNode) filesVolume.get("configMap")).putArray("items");
      files.keySet().forEach(k -> {
        ObjectNode item = items.addObject().put("key", k);
        Optional.ofNullable(fileModes.get(k)).ifPresent(m -> item.put("mode", m));
        item.put("path", k);
      });
    }
    podVolumes.values().forEach(out::add);
    return out;
  }

  private ObjectNode filesVolume() {
    ObjectNode vol = Json.object();
    vol.putObject("configMap").put("name", configMapName());
    vol.put("name", PodTemplate.FILES_VOLUME);
    return vol;
  }

  private static Optional<String> resourceName(String source) {
    var found = Placeholders.find(source);
    return found.size() == 1 && found.get(0).parts().size() == 2 && found.get(0).root().equals("resources")
        ? Optional.of(found.get(0).parts().get(1)) : Optional.empty();
  }

  private static Optional<Integer> octal(String mode) {
    try {
      return Optional.of(Integer.parseInt(mode, 8));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String sanitize(String s) {
    String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-");
    return out.replaceAll("^-|-$", "");
  }
}
