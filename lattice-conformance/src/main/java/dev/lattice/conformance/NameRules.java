package dev.lattice.conformance;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' name and label rules as the apiserver applies them
 * (k8s.io/apimachinery {@code pkg/util/validation}: IsDNS1123Label, IsDNS1123Subdomain,
 * IsDNS1035Label, IsQualifiedName, IsValidLabelValue, IsConfigMapKey; path segment names for
 * RBAC objects from {@code path.ValidatePathSegmentName}). Each check returns the problem, or empty.
 */
public final class NameRules {
  private static final Pattern DNS1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern DNS1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern QUALIFIED_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
  private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
  private static final Pattern CONFIG_KEY = Pattern.compile("^[-._a-zA-Z0-9]+$");
  private static final Pattern IANA_SVC_NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$");

  private NameRules() {}

  /** A DNS-1123 subdomain: most object names. */
  public static Optional<String> subdomain(String v) {
    if (v.length() > 253) {
      return Optional.of("must be no more than 253 characters");
    }
    return DNS1123_SUBDOMAIN.matcher(v).matches() ? Optional.empty()
        : Optional.of("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
            + "and must start and end with an alphanumeric character");
  }

  /** A DNS-1123 label: namespaces, container, volume and Service port names. */
  public static Optional<String> label(String v) {
    if (v.length() > 63) {
      return Optional.of("must be no more than 63 characters");
    }
    return DNS1123_LABEL.matcher(v).matches() ? Optional.empty()
        : Optional.of("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
            + "and must start and end with an alphanumeric character");
  }

  /** A DNS-1035 label: Service names. */
  public static Optional<String> dns1035(String v) {
    if (v.length() > 63) {
      return Optional.of("must be no more than 63 characters");
    }
    return DNS1035_LABEL.matcher(v).matches() ? Optional.empty()
        : Optional.of("a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
            + "start with an alphabetic character, and end with an alphanumeric character");
  }

  /** A path segment: RBAC object names. */
  public static Optional<String> pathSegment(String v) {
    if (v.equals(".") || v.equals("..")) {
      return Optional.of("may not be '" + v + "'");
    }
    return v.contains("/") || v.contains("%") ? Optional.of("may not contain '/' or '%'") : Optional.empty();
  }

  /** A qualified name with an optional DNS-subdomain prefix: label and annotation keys. */
  public static Optional<String> qualifiedName(String k) {
    String[] parts = k.split("/", -1);
    if (parts.length > 2) {
      return Optional.of("a qualified name must consist of alphanumeric characters, '-', '_' or '.' "
          + "with an optional DNS subdomain prefix and '/'");
    }
    String name = k;
    if (parts.length == 2) {
      if (parts[0].isEmpty()) {
        return Optional.of("prefix part must be non-empty");
      }
      Optional<String> prefix = subdomain(parts[0]);
      if (prefix.isPresent()) {
        return Optional.of("prefix part " + prefix.get());
      }
      name = parts[1];
    }
    if (name.isEmpty()) {
      return Optional.of("name part must be non-empty");
    }
    if (name.length() > 63) {
      return Optional.of("name part must be no more than 63 characters");
    }
    return QUALIFIED_NAME.matcher(name).matches() ? Optional.empty()
        : Optional.of("name part must consist of alphanumeric characters, '-', '_' or '.', "
            + "and must start and end with an alphanumeric character");
  }

  /** A label value. */
  public static Optional<String> labelValue(String v) {
    if (v.length() > 63) {
      return Optional.of("must be no more than 63 characters");
    }
    return LABEL_VALUE.matcher(v).matches() ? Optional.empty()
        : Optional.of("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
            + "and must start and end with an alphanumeric character");
  }

  /** A ConfigMap or Secret key. */
  public static Optional<String> configKey(String k) {
    return k.length() > 253 || !CONFIG_KEY.matcher(k).matches() || k.equals(".") || k.equals("..")
        ? Optional.of("a valid config key must consist of alphanumeric characters, '-', '_' or '.'")
        : Optional.empty();
  }

  /** A container port name (IANA_SVC_NAME). */
  public static Optional<String> portName(String n) {
    boolean ok = n.length() <= 15 && IANA_SVC_NAME.matcher(n).matches() && n.chars().anyMatch(Character::isLetter)
        && !n.contains("--");
    return ok ? Optional.empty()
        : Optional.of("must be an IANA_SVC_NAME (at most 15 characters, lowercase alphanumerics and '-', "
            + "at least one letter, no '--')");
  }

  /** The rule for {@code metadata.name} of a kind: its name and the check. */
  static Rule forName(String group, String kind) {
    if (group.isEmpty() && kind.equals("Namespace")) {
      return new Rule("DNS-1123 label", NameRules::label);
    }
    if (group.isEmpty() && kind.equals("Service")) {
      return new Rule("DNS-1035 label", NameRules::dns1035);
    }
    if (group.equals("rbac.authorization.k8s.io")) {
      return new Rule("path segment", NameRules::pathSegment);
    }
    return new Rule("DNS-1123 subdomain", NameRules::subdomain);
  }

  record Rule(String name, java.util.function.Function<String, Optional<String>> check) {}
}
