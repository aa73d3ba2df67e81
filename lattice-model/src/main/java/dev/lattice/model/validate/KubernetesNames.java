package dev.lattice.model.validate;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes name rules (DNS-1123, DNS-1035, IANA service names, label keys and values). */
public final class KubernetesNames {
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern IANA_SVC_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  private KubernetesNames() {}

  /** Empty when {@code s} is a DNS-1123 label, else why not. */
  public static Optional<String> label(String s) {
    if (s.length() > 63) {
      return Optional.of("must be no more than 63 characters");
    }
    return DNS1123_LABEL.matcher(s).matches() ? Optional.empty()
        : Optional.of("must be lower-case letters, digits and '-', starting and ending with a letter or digit");
  }

  /** Empty when {@code s} is a DNS-1035 label (a Kubernetes Service name), else why not. */
  public static Optional<String> serviceName(String s) {
    if (s.length() > 63) {
      return Optional.of("must be no more than 63 characters");
    }
    return DNS1035_LABEL.matcher(s).matches() ? Optional.empty()
        : Optional.of("must be lower-case letters, digits and '-', starting with a letter and ending with a letter or digit");
  }

  /** Empty when {@code s} is a DNS-1123 subdomain, else why not. */
  public static Optional<String> subdomain(String s) {
    if (s.length() > 253) {
      return Optional.of("must be no more than 253 characters");
    }
    return DNS1123_SUBDOMAIN.matcher(s).matches() ? Optional.empty()
        : Optional.of("must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
  }

  /** Empty when {@code s} may name a container port (IANA_SVC_NAME), else why not. */
  public static Optional<String> portName(String s) {
    if (s.length() > 15) {
      return Optional.of("must be no more than 15 characters");
    }
    if (!IANA_SVC_NAME.matcher(s).matches() || s.contains("--") || s.chars().noneMatch(Character::isLetter)) {
      return Optional.of("must be lower-case letters, digits and single '-', with at least one letter");
    }
    return Optional.empty();
  }

  /** Empty when {@code key} is a valid label or annotation key ({@code prefix/name}). */
  public static Optional<String> labelKey(String key) {
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      return Optional.of("must be a name with an optional DNS prefix and one '/'");
    }
    if (parts.length == 2) {
      Optional<String> p = subdomain(parts[0]);
      if (p.isPresent()) {
        return Optional.of("prefix " + p.get());
      }
    }
    String name = parts[parts.length - 1];
    if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
      return Optional.of("name part must be 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** Empty when {@code value} is a valid label value. */
  public static Optional<String> labelValue(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > 63 || !LABEL_NAME.matcher(value).matches()) {
      return Optional.of("must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }
}
