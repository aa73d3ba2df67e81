package dev.lattice.conformance;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The string formats the apiserver checks, with its meanings (a Go duration, not ISO 8601; a
 * CIDR with its prefix bound). Formats not listed here are not checked by the apiserver and are
 * dropped from the schemas (k8s.io/kube-openapi {@code pkg/validation/strfmt}, as summarised in
 * {@code shared/schemas/README.md}).
 */
final class ApiServerFormats {
  private static final Pattern IPV4 =
      Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
  private static final Pattern DATE_TIME =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$");
  private static final Pattern HEX_GROUP = Pattern.compile("^[0-9a-fA-F]{1,4}$");

  private static final Map<String, Predicate<String>> CHECKS = checks();

  /** The names of the checked formats. */
  static final Set<String> NAMES = CHECKS.keySet();

  private ApiServerFormats() {}

  private static Map<String, Predicate<String>> checks() {
    Map<String, Predicate<String>> m = new TreeMap<>();
    m.put("date-time", matches(DATE_TIME));
    m.put("datetime", matches(DATE_TIME));
    m.put("date", matches(Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$")));
    m.put("duration", matches(Pattern.compile("^[-+]?((\\d+(\\.\\d*)?|\\.\\d+)\\s*(ns|us|µs|ms|s|m|h|d|w))+$")));
    m.put("ipv4", matches(IPV4));
    m.put("ipv6", ApiServerFormats::isIpv6);
    m.put("cidr", ApiServerFormats::isCidr);
    m.put("mac", matches(Pattern.compile("^([0-9A-Fa-f]{2}[:-]){5}([0-9A-Fa-f]{2})$"
        + "|^([0-9A-Fa-f]{2}[:-]){7}([0-9A-Fa-f]{2})$|^([0-9A-Fa-f]{4}\\.){2}[0-9A-Fa-f]{4}$")));
    m.put("uuid", matches(Pattern.compile(
        "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")));
    m.put("uuid3", matches(Pattern.compile(
        "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?3[0-9a-fA-F]{3}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")));
    m.put("uuid4", matches(Pattern.compile(
        "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?4[0-9a-fA-F]{3}-?[89abAB][0-9a-fA-F]{3}-?[0-9a-fA-F]{12}$")));
    m.put("uuid5", matches(Pattern.compile(
        "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?5[0-9a-fA-F]{3}-?[89abAB][0-9a-fA-F]{3}-?[0-9a-fA-F]{12}$")));
    Pattern hostname = Pattern.compile(
        "^[a-zA-Z0-9]([-a-zA-Z0-9]{0,62})?(\\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,62})?)*\\.?$");
    m.put("hostname", s -> s.length() <= 255 && hostname.matcher(s).matches());
    m.put("email", matches(Pattern.compile("^[^\\s@]+@[^\\s@]+$")));
    m.put("uri", matches(Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S*$|^/\\S*$")));
    m.put("byte", matches(Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$")));
    return m;
  }

  private static Predicate<String> matches(Pattern p) {
    return s -> p.matcher(s).find();
  }

  /** The formats as networknt {@link Format}s, replacing the library's own of the same names. */
  static List<Format> formats() {
    return CHECKS.entrySet().stream()
        .map(e -> new Checked(e.getKey(), e.getValue()))
        .collect(Collectors.toList());
  }

  static boolean isIpv6(String s) {
    if (!s.matches("^[0-9a-fA-F:.]+$") || !s.contains(":")) {
      return false;
    }
    String str = s;
    int lastColon = str.lastIndexOf(':');
    String tail = str.substring(lastColon + 1);
    if (tail.contains(".")) {
      if (!IPV4.matcher(tail).matches()) {
        return false;
      }
      str = str.substring(0, lastColon + 1) + "0:0";
    }
    String[] halves = str.split("::", -1);
    if (halves.length > 2) {
      return false;
    }
    List<String> parts = new java.util.ArrayList<>();
    for (String half : halves) {
      if (!half.isEmpty()) {
        parts.addAll(List.of(half.split(":", -1)));
      }
    }
    for (String part : parts) {
      if (!HEX_GROUP.matcher(part).matches()) {
        return false;
      }
    }
    return halves.length == 2 ? parts.size() < 8 : parts.size() == 8;
  }

  static boolean isCidr(String s) {
    int slash = s.lastIndexOf('/');
    if (slash < 0) {
      return false;
    }
    String bits = s.substring(slash + 1);
    if (!bits.matches("\\d{1,3}")) {
      return false;
    }
    int prefix = Integer.parseInt(bits);
    String address = s.substring(0, slash);
    if (IPV4.matcher(address).matches()) {
      return prefix <= 32;
    }
    return isIpv6(address) && prefix <= 128;
  }

  private record Checked(String name, Predicate<String> check) implements Format {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
      return check.test(value);
    }
  }
}
