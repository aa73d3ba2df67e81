package dev.lattice.model.validate;

import java.util.Optional;

/**
 * Kubernetes name rules (DNS-1123, DNS-1035, IANA service names, label keys and values), checked
 * character by character. The rules are the apimachinery regular expressions
 * (kubernetes/apimachinery, {@code pkg/util/validation/validation.go}): DNS-1123 label
 * {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}, subdomain those joined by dots, DNS-1035 label
 * {@code [a-z]([-a-z0-9]*[a-z0-9])?}, IANA service name {@code [a-z0-9]([a-z0-9-]*[a-z0-9])?}, label
 * name {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}; {@code KubernetesNamesTest} holds the
 * checks equal to those expressions.
 */
public final class KubernetesNames {
  private KubernetesNames() {}

  /** Empty when {@code s} is a DNS-1123 label, else why not. */
  public static Optional<String> label(String s) {
    if (s.length() > 63) {
      return Optional.of("must be no more than 63 characters");
    }
    return dns1123Label(s, 0, s.length()) ? Optional.empty()
        : Optional.of("must be lower-case letters, digits and '-', starting and ending with a letter or digit");
  }

  /** Empty when {@code s} is a DNS-1035 label (a Kubernetes Service name), else why not. */
  public static Optional<String> serviceName(String s) {
    if (s.length() > 63) {
      return Optional.of("must be no more than 63 characters");
    }
    return (!s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z' && dns1123Label(s, 0, s.length())) ? Optional.empty()
        : Optional.of("must be lower-case letters, digits and '-', starting with a letter and ending with a letter or digit");
  }

  /** Empty when {@code s} is a DNS-1123 subdomain, else why not. */
  public static Optional<String> subdomain(String s) {
    if (s.length() > 253) {
      return Optional.of("must be no more than 253 characters");
    }
    return subdomainSyntax(s) ? Optional.empty()
        : Optional.of("must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
  }

  /** Empty when {@code s} may name a container port (IANA_SVC_NAME), else why not. */
  public static Optional<String> portName(String s) {
    if (s.length() > 15) {
      return Optional.of("must be no more than 15 characters");
    }
    if (!dns1123Label(s, 0, s.length()) || s.contains("--") || s.chars().noneMatch(Character::isLetter)) {
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
    if (name.isEmpty() || name.length() > 63 || !labelName(name)) {
      return Optional.of("name part must be 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** Empty when {@code value} is a valid label value. */
  public static Optional<String> labelValue(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > 63 || !labelName(value)) {
      return Optional.of("must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** {@code s[from, to)} matches {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}. */
  static boolean dns1123Label(String s, int from, int to) {
    if (from >= to || s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} is DNS-1123 labels joined by single dots. */
  static boolean subdomainSyntax(String s) {
    int from = 0;
    while (true) {
      int dot = s.indexOf('.', from);
      int to = dot < 0 ? s.length() : dot;
      if (!dns1123Label(s, from, to)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      from = dot + 1;
    }
  }

  /** {@code s} matches {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}. */
  static boolean labelName(String s) {
    if (s.isEmpty() || !alphanumeric(s.charAt(0)) || !alphanumeric(s.charAt(s.length() - 1))) {
      return false;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (!(alphanumeric(c) || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static boolean alphanumeric(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
