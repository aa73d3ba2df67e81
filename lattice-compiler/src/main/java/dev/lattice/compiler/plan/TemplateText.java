package dev.lattice.compiler.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Text after placeholder resolution: literal pieces, and references to secret keys that only the
 * cluster can fill in. A text without references is plain configuration; a text that is exactly one
 * reference reads the key directly; anything else becomes a template the secret operator renders.
 */
public record TemplateText(List<Part> parts) {
  public TemplateText {
    List<Part> merged = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Literal l && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Literal prev) {
        merged.set(merged.size() - 1, new Literal(prev.text() + l.text()));
      } else if (!(p instanceof Literal l && l.text().isEmpty())) {
        merged.add(p);
      }
    }
    parts = List.copyOf(merged);
  }

  public static TemplateText literal(String text) {
    return new TemplateText(List.of(new Literal(text)));
  }

  /** One piece of the text. */
  public sealed interface Part permits Literal, SecretRef {}

  /** Text as it is. */
  public record Literal(String text) implements Part {}

  /** The value of key {@code key} of the secret resource {@code resource}. */
  public record SecretRef(String resource, String key) implements Part {}

  public boolean hasSecrets() {
    return parts.stream().anyMatch(p -> p instanceof SecretRef);
  }

  /** The text when it has no secret references. */
  public Optional<String> literal() {
    if (hasSecrets()) {
      return Optional.empty();
    }
    return Optional.of(parts.isEmpty() ? "" : ((Literal) parts.get(0)).text());
  }

  /** The reference when the whole text is exactly one secret reference. */
  public Optional<SecretRef> soleSecret() {
    return parts.size() == 1 && parts.get(0) instanceof SecretRef r ? Optional.of(r) : Optional.empty();
  }

  /** The distinct secret references, in order of appearance. */
  public List<SecretRef> secrets() {
    return parts.stream().filter(p -> p instanceof SecretRef).map(SecretRef.class::cast).distinct().toList();
  }
}
