package dev.lattice.model.inference;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.Optional;

/**
 * Where the weights come from and where they are kept: {@code uri} ({@code hf://}, {@code ms://},
 * {@code s3://}, {@code obs://} — what Kthena's downloader reads), a cache of {@code cacheSize} (a
 * PersistentVolumeClaim Lattice creates) or an existing one ({@code cacheUri: pvc://<claim>}),
 * mounted at {@code mountPath} (default {@code /models}), and the token the download needs ({@code
 * tokenSecret}, synced by External Secrets like any secret resource).
 */
public record ModelSource(
    @Required String uri,
    Optional<String> cacheUri,
    Optional<String> cacheSize,
    Optional<String> mountPath,
    Optional<TokenSecret> tokenSecret,
    Optional<String> downloaderImage) {

  /** The cache's mount point when {@code mountPath} is not given. */
  public static final String DEFAULT_MOUNT_PATH = "/models";
  /** Kthena's downloader image (charts/kthena/charts/workload/values.yaml {@code downloaderImage}). */
  public static final String DEFAULT_DOWNLOADER = "ghcr.io/volcano-sh/downloader:latest";

  public ModelSource {
    cacheUri = Values.opt(cacheUri);
    cacheSize = Values.opt(cacheSize);
    mountPath = Values.opt(mountPath);
    tokenSecret = Values.opt(tokenSecret);
    downloaderImage = Values.opt(downloaderImage);
  }

  public String mountPathOrDefault() {
    return mountPath.orElse(DEFAULT_MOUNT_PATH);
  }

  /** The download token: the secret store's {@code id}, its {@code key} (default {@code token}), the store ({@code provider}). */
  public record TokenSecret(@Required String id, Optional<String> key, Optional<String> provider) {
    public TokenSecret {
      key = Values.opt(key);
      provider = Values.opt(provider);
    }

    public String keyOrDefault() {
      return key.orElse("token");
    }
  }
}
