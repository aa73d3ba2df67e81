package dev.lattice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An image tar in the {@code docker save} layout that {@code jib:buildTar} writes (and
 * {@code kind load image-archive} reads): {@code manifest.json} naming the config and the layer
 * files in order, the config JSON, one gzipped tar per layer. {@link #open} unpacks the outer tar
 * into a folder; {@link #unpackLayers} lays the layers over one another as a container's root
 * filesystem (the later layer wins; Jib writes no whiteouts for a new image).
 */
final class ImageTar {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path blobs;
  private final JsonNode manifest;
  private final JsonNode config;

  private ImageTar(Path blobs, JsonNode manifest, JsonNode config) {
    this.blobs = blobs;
    this.manifest = manifest;
    this.config = config;
  }

  /** Unpacks {@code tar} into {@code folder} and reads its (only) manifest entry and config. */
  static ImageTar open(Path tar, Path folder) throws IOException {
    Files.createDirectories(folder);
    try (InputStream in = Files.newInputStream(tar)) {
      TarEntries.read(in, e -> {
        if (e.regularFile()) {
          Path target = inside(folder, e.name());
          Files.createDirectories(target.getParent());
          Files.write(target, e.content());
        }
      });
    }
    JsonNode manifests = JSON.readTree(folder.resolve("manifest.json").toFile());
    if (manifests.size() != 1) {
      throw new IOException(tar + ": expected one image in manifest.json, found " + manifests.size());
    }
    JsonNode manifest = manifests.get(0);
    return new ImageTar(folder, manifest, JSON.readTree(inside(folder, manifest.path("Config").asText()).toFile()));
  }

  /** The image configuration: {@code config.Entrypoint}, {@code config.Cmd}, {@code config.User}, ... */
  JsonNode config() {
    return config;
  }

  List<String> repoTags() {
    return strings(manifest.path("RepoTags"));
  }

  /**
   * Lays every layer, in manifest order, into {@code root}; returns each entry by its absolute
   * path in the image ({@code /app/libs/x.jar}), the last layer's entry where two layers hold one.
   */
  Map<String, TarEntries.Entry> unpackLayers(Path root) throws IOException {
    Map<String, TarEntries.Entry> entries = new LinkedHashMap<>();
    for (String layer : strings(manifest.path("Layers"))) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(inside(blobs, layer)))) {
        TarEntries.read(in, e -> {
          Path target = inside(root, e.name());
          if (e.directory()) {
            Files.createDirectories(target);
          } else if (e.regularFile()) {
            Files.createDirectories(target.getParent());
            Files.write(target, e.content());
          }
          entries.put("/" + root.relativize(target).toString().replace('\\', '/'), e);
        });
      }
    }
    return entries;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** {@code name} resolved in {@code folder}; a name leading outside it is refused. */
  private static Path inside(Path folder, String name) throws IOException {
    Path p = folder.resolve(name.replaceFirst("^/+", "")).normalize();
    if (!p.startsWith(folder.normalize())) {
      throw new IOException("tar entry outside the folder: " + name);
    }
    return p;
  }
}
