package dev.lattice.cli.gitops;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes version {@code MAJOR.MINOR.PATCH} (a leading {@code v} is accepted), and the upgrade rule. */
record K8sVersion(int major, int minor, int patch) implements Comparable<K8sVersion> {
  private static final Pattern FORM = Pattern.compile("v?([0-9]{1,4})\\.([0-9]{1,4})\\.([0-9]{1,4})");

  static Optional<K8sVersion> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new K8sVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  @Override
  public int compareTo(K8sVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  /**
   * Why Kubernetes would not take the step from this version to {@code to}, if it would not: a
   * downgrade, a change of major version, or a skip of more than one minor version (control planes
   * upgrade one minor at a time; kubeadm and Cluster API refuse the rest).
   */
  Optional<String> refuseUpgradeTo(K8sVersion to) {
    if (to.compareTo(this) < 0) {
      return Optional.of("cannot downgrade from " + this + " to " + to + ": Kubernetes does not support downgrades");
    }
    if (to.major != major) {
      return Optional.of("cannot change the major version from " + this + " to " + to);
    }
    if (to.minor > minor + 1) {
      return Optional.of("cannot skip minor versions from " + this + " to " + to
          + ": Kubernetes upgrades one minor version at a time; upgrade to " + major + "." + (minor + 1) + ".x first");
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
