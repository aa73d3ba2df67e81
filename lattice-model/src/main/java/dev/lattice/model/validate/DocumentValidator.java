package dev.lattice.model.validate;

import dev.lattice.model.CedarPolicy;
import dev.lattice.model.LatticeCluster;
import dev.lattice.model.LatticeExternalService;
import dev.lattice.model.LatticeMeshMember;
import dev.lattice.model.LatticeObject;
import dev.lattice.model.LatticeService;
import dev.lattice.model.ObjectMeta;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.Map;

/**
 * Checks one bound document on its own: names, ranges, quantities, probes, placeholders, replica
 * and node bounds. Checks that need other documents (duplicates, references) are the compiler's.
 */
public final class DocumentValidator {
  private final Diagnostics diagnostics;

  public DocumentValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void validate(SourcedObject sourced) {
    Findings f = new Findings(diagnostics, sourced.sources());
    LatticeObject o = sourced.object();
    metadata(f, o.metadata(), o instanceof LatticeService || o instanceof dev.lattice.model.LatticeJob
        || o instanceof dev.lattice.model.LatticeModel, o.kind().namespaced());
    if (o instanceof LatticeService s) {
      new ServiceValidator(f).validate(s);
      s.spec().environment().ifPresent(env -> uncompiledEnvironment(f, "service", env));
    } else if (o instanceof LatticeExternalService e) {
      new MeshValidator(f).validate(e);
      e.spec().environment().ifPresent(env -> uncompiledEnvironment(f, "external service", env));
    } else if (o instanceof dev.lattice.model.LatticeJob) {
      new JobValidator(f, diagnostics).validate(sourced);
    } else if (o instanceof dev.lattice.model.LatticeModel) {
      new ModelValidator(f, diagnostics).validate(sourced);
    } else if (o instanceof LatticeMeshMember m) {
      new MeshValidator(f).validate(m);
    } else if (o instanceof LatticeCluster c) {
      new ClusterValidator(f).validate(c);
    } else if (o instanceof dev.lattice.model.LatticeQuota q) {
      QuotaValidator.validate(f, q);
    } else if (o instanceof dev.lattice.model.LatticeResourceClass c) {
      ResourceClassValidator.validate(f, c);
    } else if (o instanceof CedarPolicy p && p.spec().policies().isBlank()) {
      f.error(Codes.MISSING_FIELD, "spec.policies", "the policy text is empty", "write at least one permit or forbid");
    }
  }

  /** {@code spec.environment} of a service is read (never dropped silently) but reaches no document or gate yet. */
  private static void uncompiledEnvironment(Findings f, String what, String env) {
    f.warning(Codes.UNCOMPILED_FIELD, "spec.environment", "the " + what + "'s environment '" + env
        + "' is read but not compiled yet: no document or Cedar attribute carries it", "a cluster's spec.environment labels its documents");
  }

  private static void metadata(Findings f, ObjectMeta meta, boolean serviceName, boolean namespaced) {
    (serviceName ? KubernetesNames.serviceName(meta.name()) : KubernetesNames.subdomain(meta.name()))
        .ifPresent(why -> f.error(Codes.INVALID_NAME, "metadata.name", "invalid name '" + meta.name() + "': " + why,
            serviceName ? "a service name becomes a Kubernetes Service name (DNS-1035 label), e.g. payment-api" : null));
    meta.namespace().ifPresent(ns -> KubernetesNames.label(ns).ifPresent(why ->
        f.error(Codes.INVALID_NAME, "metadata.namespace", "invalid namespace '" + ns + "': " + why, null)));
    labels(f, "metadata.labels", meta.labels());
  }

  static void labels(Findings f, String path, Map<String, String> labels) {
    labels.forEach((k, v) -> {
      String p = Findings.child(path, k);
      KubernetesNames.labelKey(k).ifPresent(why -> f.errorAtKey(Codes.INVALID_NAME, p, "invalid label key '" + k + "': " + why, null));
      KubernetesNames.labelValue(v).ifPresent(why -> f.error(Codes.INVALID_NAME, p, "invalid label value '" + v + "': " + why, null));
    });
  }
}
