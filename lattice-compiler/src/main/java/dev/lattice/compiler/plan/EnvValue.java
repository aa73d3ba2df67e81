package dev.lattice.compiler.plan;

import java.util.Optional;

/**
 * A container environment value after placeholder resolution: plain text, or a key of a Secret
 * (a variable that is exactly one {@code ${secret.<resource>.<key>}}). Text may refer to earlier
 * variables with {@code $(NAME)}, as Kubernetes expands them.
 */
public record EnvValue(Optional<String> text, Optional<SecretKey> secret) {

  public static EnvValue text(String value) {
    return new EnvValue(Optional.of(value), Optional.empty());
  }

  public static EnvValue secret(String secretName, String key) {
    return new EnvValue(Optional.empty(), Optional.of(new SecretKey(secretName, key)));
  }

  /** A key in a Kubernetes Secret. */
  public record SecretKey(String secretName, String key) {}
}
