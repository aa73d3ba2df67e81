package dev.lattice.model.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code ${resources.<name>[.<field>]}} and {@code ${secret.<resource>.<key>}} placeholders in
 * text. {@code $${...}} is an escaped literal and is skipped, as in Score.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("(\\$?)\\$\\{([^}]*)}");

  private Placeholders() {}

  /** One placeholder: its whole text and its dotted parts after {@code ${}. */
  public record Placeholder(String text, List<String> parts) {
    public String root() {
      return parts.isEmpty() ? "" : parts.get(0);
    }
  }

  /**
   * A matcher over every {@code ${...}} and escaped {@code $${...}} in {@code text}: group 1 is the
   * escaping {@code $} (empty when not escaped); {@link #of} reads a match.
   */
  public static Matcher matcher(String text) {
    return PLACEHOLDER.matcher(text);
  }

  /** The placeholder a match of {@link #matcher} found. */
  public static Placeholder of(Matcher m) {
    return new Placeholder(m.group(0), List.of(m.group(2).split("\\.", -1)));
  }

  public static List<Placeholder> find(String text) {
    List<Placeholder> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!m.group(1).isEmpty()) {
        continue; // $${...} is a literal
      }
      out.add(of(m));
    }
    return out;
  }
}
