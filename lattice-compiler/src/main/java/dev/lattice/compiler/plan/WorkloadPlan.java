package dev.lattice.compiler.plan;

import dev.lattice.model.LatticeService;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import java.util.Map;

/**
 * A service Lattice deploys, with its placeholders resolved.
 *
 * @param variables per container name, variable name → resolved text
 * @param files per container name, mount path → resolved content
 * @param secrets the service's secret resources by name
 */
public record WorkloadPlan(
    ObjectRef ref,
    LatticeService service,
    MemberPlan member,
    Map<String, Map<String, TemplateText>> variables,
    Map<String, Map<String, TemplateText>> files,
    Map<String, SecretPlan> secrets,
    SourcedObject source) {}
