package dev.lattice.emit.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.service.SecuritySpec;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The restricted baseline (Pod Security Standards "restricted"): non-root, no privilege
 * escalation, all capabilities dropped, RuntimeDefault seccomp, read-only root filesystem; each
 * {@link SecuritySpec} field loosens exactly that part. Whether a loosening is permitted is the
 * authorization stage's question, not this class's.
 */
final class SecurityContexts {
  private SecurityContexts() {}

  static ObjectNode container(Optional<SecuritySpec> spec) {
    SecuritySpec s = spec.orElse(null);
    ObjectNode sc = Json.object();
    boolean root = s != null && s.runAsUser().map(u -> u == 0).orElse(false);
    sc.put("allowPrivilegeEscalation", s != null && s.allowPrivilegeEscalation().orElse(false));
    ObjectNode caps = sc.putObject("capabilities");
    if (s != null && !s.capabilities().isEmpty()) {
      caps.set("add", Json.strings(new TreeSet<>(s.capabilities())));
    }
    caps.set("drop", Json.strings(java.util.List.of("ALL")));
    if (s != null && s.privileged().orElse(false)) {
      sc.put("privileged", true);
    }
    sc.put("readOnlyRootFilesystem", s == null || s.readOnlyRootFilesystem().orElse(true));
    if (s != null) {
      s.runAsGroup().ifPresent(g -> sc.put("runAsGroup", g));
    }
    sc.put("runAsNonRoot", s == null ? true : s.runAsNonRoot().orElse(!root));
    if (s != null) {
      s.runAsUser().ifPresent(u -> sc.put("runAsUser", u));
    }
    String seccomp = s == null ? "RuntimeDefault" : s.seccompProfile().orElse("RuntimeDefault");
    profile(sc.putObject("seccompProfile"), seccomp);
    if (s != null) {
      s.apparmorProfile().ifPresent(p -> profile(sc.putObject("appArmorProfile"), p));
    }
    return sc;
  }

  private static void profile(ObjectNode node, String value) {
    String type = profileType(value);
    node.put("type", type);
    if (type.equals("Localhost")) {
      node.put("localhostProfile", value.replaceFirst("^localhost/", ""));
    }
  }

  /** {@code unconfined} / {@code runtime/default} spellings to the Kubernetes enum. */
  private static String profileType(String p) {
    String lower = p.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("unconfined")) {
      return "Unconfined";
    }
    if (lower.equals("runtimedefault") || lower.equals("runtime/default")) {
      return "RuntimeDefault";
    }
    return "Localhost";
  }
}
