package dev.lattice.cli.gitops;

import java.util.regex.Pattern;

/**
 * The repository settings in {@code .lattice/config.yaml}: the Flux version Lattice installs on the
 * clusters it creates ({@code flux.version}, changed by {@code lattice flux set-version}) and how
 * often Flux reconciles what Lattice writes ({@code defaults.interval}, a Go duration).
 */
record RepoConfig(String fluxVersion, String interval) {
  static final Pattern FLUX_VERSION = Pattern.compile("v2\\.[0-9]+\\.[0-9]+");
  static final Pattern DURATION = Pattern.compile("([0-9]+(\\.[0-9]+)?(ms|s|m|h))+");
  static final String DEFAULT_INTERVAL = "10m";

  /** Reads the settings; missing values fall back to the defaults (the validator reports them). */
  static RepoConfig of(RepoTree tree) {
    String version = "";
    String interval = DEFAULT_INTERVAL;
    if (tree.exists(Layout.CONFIG)) {
      try {
        YamlFile f = YamlFile.parse(Layout.CONFIG, tree.get(Layout.CONFIG).orElseThrow());
        if (!f.documents().isEmpty()) {
          version = YamlFile.text(f.documents().get(0), "flux", "version").orElse("");
          interval = YamlFile.text(f.documents().get(0), "defaults", "interval").orElse(DEFAULT_INTERVAL);
        }
      } catch (Refusal e) {
        // reported by the validator
      }
    }
    return new RepoConfig(version, interval);
  }
}
