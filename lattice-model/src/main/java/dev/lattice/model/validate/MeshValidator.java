package dev.lattice.model.validate;

import dev.lattice.model.LatticeExternalService;
import dev.lattice.model.LatticeMeshMember;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.mesh.Endpoint;
import dev.lattice.model.mesh.LatticeExternalServiceSpec;
import dev.lattice.model.mesh.LatticeMeshMemberSpec;
import dev.lattice.model.mesh.ServiceRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Single-document checks of {@code LatticeExternalService} and {@code LatticeMeshMember}. */
final class MeshValidator {
  private final Findings f;

  MeshValidator(Findings f) {
    this.f = f;
  }

  void validate(LatticeExternalService e) {
    LatticeExternalServiceSpec spec = e.spec();
    if (spec.endpoints().isEmpty()) {
      f.error(Codes.MISSING_FIELD, "spec.endpoints", "an external service needs at least one endpoint", "add endpoints: {api: https://api.example.com}");
    }
    spec.endpoints().forEach((name, url) -> {
      String p = Findings.child("spec.endpoints", name);
      KubernetesNames.portName(name).ifPresent(why -> f.errorAtKey(Codes.INVALID_NAME, p, "invalid endpoint name '" + name + "': " + why, null));
      Endpoint.parse(url).ifPresentOrElse(ep -> {
        boolean address = ep.isAddress();
        if (spec.resolution() == LatticeExternalServiceSpec.Resolution.STATIC && !address) {
          f.error(Codes.INVALID_VALUE, p, "static resolution needs an IP address or CIDR, not '" + ep.host() + "'", "use resolution: dns for host names");
        }
      }, () -> f.error(Codes.INVALID_VALUE, p, "endpoint '" + url + "' is not a URL or host:port",
          "write https://api.example.com or api.example.com:443"));
    });
    for (int i = 0; i < spec.allowedRequesters().size(); i++) {
      requester("spec.allowedRequesters[" + i + "]", spec.allowedRequesters().get(i));
    }
  }

  private void requester(String path, String r) {
    if (r.equals("*")) {
      return;
    }
    String[] parts = r.split("/", -1);
    for (String part : parts) {
      if (parts.length > 2 || KubernetesNames.label(part).isPresent()) {
        f.error(Codes.INVALID_NAME, path, "invalid requester '" + r + "'", "write name, namespace/name or \"*\"");
        return;
      }
    }
  }

  void validate(LatticeMeshMember m) {
    LatticeMeshMemberSpec spec = m.spec();
    if (spec.target().selector().isEmpty() && spec.target().namespace().isEmpty()) {
      f.error(Codes.MISSING_FIELD, "spec.target", "a mesh member needs target.selector.labels or target.namespace", null);
    }
    spec.target().selector().ifPresent(s -> {
      if (s.labels().isEmpty()) {
        f.error(Codes.MISSING_FIELD, "spec.target.selector.labels", "the selector has no labels; it would select every pod", null);
      }
      DocumentValidator.labels(f, "spec.target.selector.labels", s.labels());
    });
    Map<Integer, String> numbers = new HashMap<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < spec.ports().size(); i++) {
      LatticeMeshMemberSpec.Port port = spec.ports().get(i);
      String p = "spec.ports[" + i + "]";
      if (port.port() < 1 || port.port() > 65535) {
        f.error(Codes.PORT_RANGE, p + ".port", "port " + port.port() + " is outside 1-65535", null);
      }
      KubernetesNames.portName(port.name()).ifPresent(why -> f.error(Codes.INVALID_NAME, p + ".name", "invalid port name '" + port.name() + "': " + why, null));
      if (numbers.putIfAbsent(port.port(), port.name()) != null) {
        f.error(Codes.DUPLICATE_PORT, p + ".port", "port " + port.port() + " is listed twice", null);
      }
      if (names.putIfAbsent(port.name(), port.port()) != null) {
        f.error(Codes.DUPLICATE_PORT, p + ".name", "port name '" + port.name() + "' is used twice", null);
      }
    }
    refs("spec.allowedCallers", spec.allowedCallers());
    refs("spec.dependencies", spec.dependencies());
    for (int i = 0; i < spec.egress().size(); i++) {
      LatticeMeshMemberSpec.Egress e = spec.egress().get(i);
      if (e.fqdn().isPresent() == e.cidr().isPresent()) {
        f.error(Codes.INVALID_VALUE, "spec.egress[" + i + "]", "an egress rule needs exactly one of fqdn or cidr", null);
      }
      for (int j = 0; j < e.ports().size(); j++) {
        int port = e.ports().get(j);
        if (port < 1 || port > 65535) {
          f.error(Codes.PORT_RANGE, "spec.egress[" + i + "].ports[" + j + "]", "port " + port + " is outside 1-65535", null);
        }
      }
    }
  }

  private void refs(String path, List<ServiceRef> refs) {
    for (int i = 0; i < refs.size(); i++) {
      ServiceRef r = refs.get(i);
      String p = path + "[" + i + "]";
      if (!r.name().equals("*")) {
        requester(p + ".name", r.name());
      }
      r.namespace().ifPresent(ns -> KubernetesNames.label(ns).ifPresent(why ->
          f.error(Codes.INVALID_NAME, p + ".namespace", "invalid namespace '" + ns + "': " + why, null)));
    }
  }
}
