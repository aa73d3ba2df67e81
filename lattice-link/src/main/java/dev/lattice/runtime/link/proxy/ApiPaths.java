package dev.lattice.runtime.link.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a proxied request may ask for: an origin-form path (with an optional query) of the child's
 * own API server, never a URL. Refused: anything not starting with a single {@code /} (absolute
 * URLs, {@code //host} authority forms), {@code .} and {@code ..} segments also when
 * percent-encoded, backslashes, fragments, spaces, control and non-ASCII characters, and methods
 * outside GET HEAD POST PUT PATCH DELETE. Both sides check: the cell before it sends, the agent
 * before it runs (it must not trust the cell to have checked).
 */
final class ApiPaths {
  /** The methods the proxy carries. */
  public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
  private static final Pattern WATCH = Pattern.compile("(^|&)watch=(true|1)(&|$)");

  private ApiPaths() {}

  /** Why {@code method path} may not be proxied, or empty when it may. */
  public static Optional<String> refusal(String method, String path) {
    if (!METHODS.contains(method)) {
      return Optional.of("method " + method + " is not proxied (only " + String.join(" ", METHODS.stream().sorted().toList()) + ")");
    }
    if (path.isEmpty() || path.charAt(0) != '/' || path.startsWith("//")) {
      return Optional.of("only a path of the cluster's own API server is proxied, not " + quote(path));
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '#') {
        return Optional.of("the path has a character that is not allowed at " + i + ": " + quote(path));
      }
    }
    int q = path.indexOf('?');
    String rawPath = q < 0 ? path : path.substring(0, q);
    String decoded;
    try {
      decoded = new URI("http://h" + rawPath).getPath();
    } catch (URISyntaxException e) {
      return Optional.of("the path is not a valid URI path: " + quote(path));
    }
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("the path may not contain . or .. segments: " + quote(path));
      }
    }
    if (decoded.contains("\\") || decoded.indexOf('\0') >= 0) {
      return Optional.of("the path decodes to a character that is not allowed: " + quote(path));
    }
    return Optional.empty();
  }

  /** Whether the request is a watch (a stream of events the one-answer proxy cannot carry). */
  public static boolean isWatch(String path) {
    int q = path.indexOf('?');
    String rawPath = q < 0 ? path : path.substring(0, q);
    return rawPath.contains("/watch/") || rawPath.endsWith("/watch") || (q >= 0 && WATCH.matcher(path.substring(q + 1)).find());
  }

  /**
   * The request's URL on the API server at {@code base}: the base's scheme, host and port with its
   * path followed by {@code path}; throws if it would leave the base (a checked path cannot).
   */
  public static URI resolve(URI base, String path) {
    String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    URI target = URI.create(base.getScheme() + "://" + base.getRawAuthority() + prefix + path);
    if (!target.getScheme().equals(base.getScheme()) || !target.getRawAuthority().equals(base.getRawAuthority())
        || !target.getRawPath().startsWith(prefix + "/")) {
      throw new IllegalArgumentException("the path leaves the API server: " + quote(path));
    }
    return target;
  }

  private static String quote(String s) {
    String shown = s.length() > 200 ? s.substring(0, 200) + "…" : s;
    StringBuilder b = new StringBuilder("\"");
    shown.chars().forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : String.valueOf((char) c)));
    return b.append('"').toString();
  }
}
